package dev.neuralstyle.image;

/** Per-pixel linear maps and statistics on float planes. */
final class PlaneMath {
  private PlaneMath() {}

  /** Applies the row-major 3x3 matrix {@code m} to the pixel vectors (a, b, c). */
  static float[][] transform(double[] m, float[] a, float[] b, float[] c) {
    int n = a.length;
    float[] x = new float[n];
    float[] y = new float[n];
    float[] z = new float[n];
    for (int k = 0; k < n; k++) {
      double u = a[k];
      double v = b[k];
      double w = c[k];
      x[k] = (float) (m[0] * u + m[1] * v + m[2] * w);
      y[k] = (float) (m[3] * u + m[4] * v + m[5] * w);
      z[k] = (float) (m[6] * u + m[7] * v + m[8] * w);
    }
    return new float[][] {x, y, z};
  }

  /** Shifts and scales {@code values} to the mean and standard deviation of {@code target}. */
  static float[] matchMeanStd(float[] values, float[] target) {
    if (values.length == 0 || target.length == 0) {
      throw new IllegalArgumentException("empty luminance plane");
    }
    double[] s = meanStd(values);
    double[] t = meanStd(target);
    double scale = s[1] > 0 ? t[1] / s[1] : 0;
    float[] out = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = (float) ((values[k] - s[0]) * scale + t[0]);
    }
    return out;
  }

  /** {@code {mean, population standard deviation}}. */
  static double[] meanStd(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double sq = 0;
    for (float v : values) {
      sq += (v - mean) * (v - mean);
    }
    return new double[] {mean, Math.sqrt(sq / values.length)};
  }
}

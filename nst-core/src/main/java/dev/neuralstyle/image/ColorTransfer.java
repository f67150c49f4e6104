package dev.neuralstyle.image;

/**
 * Colour statistics and the affine colour transfer of Gatys et al. 2016: mean and 3x3 covariance of
 * RGB pixels (in double precision), and the map {@code x' = A (x - μs) + μc}.
 */
final class ColorTransfer {
  /** Eigenvalue floor for inverse square roots, in (0..1 value units)^2. */
  private static final double EIGEN_FLOOR = 1e-10;

  /** Ridge added to a covariance matrix whose Cholesky factorisation fails. */
  private static final double RIDGE = 1e-8;

  private ColorTransfer() {}

  /** Per-channel means {@code {mean r, mean g, mean b}}. */
  static double[] mean(RgbPixels p) {
    double[] m = new double[3];
    float[][] planes = {p.r(), p.g(), p.b()};
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      for (float v : planes[c]) {
        sum += v;
      }
      m[c] = sum / p.size();
    }
    return m;
  }

  /** The population covariance matrix (divided by N), row-major 3x3. */
  static double[] covariance(RgbPixels p, double[] mean) {
    float[][] planes = {p.r(), p.g(), p.b()};
    double[] cov = new double[9];
    int n = p.size();
    for (int i = 0; i < 3; i++) {
      for (int j = i; j < 3; j++) {
        float[] a = planes[i];
        float[] b = planes[j];
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += (a[k] - mean[i]) * (b[k] - mean[j]);
        }
        cov[3 * i + j] = sum / n;
        cov[3 * j + i] = sum / n;
      }
    }
    return cov;
  }

  /** The matrix {@code A} with {@code A covStyle A^T = covContent}. */
  static double[] matrix(double[] covStyle, double[] covContent, HistogramMatch mode) {
    if (mode == HistogramMatch.CHOLESKY) {
      double[] ls = choleskyWithRidge(covStyle);
      double[] lc = choleskyWithRidge(covContent);
      return Mat3.multiply(lc, Mat3.inverse(ls));
    }
    double[] contentRoot = SymmetricEigen3.of(covContent).power(0.5, 0);
    double[] styleInverseRoot = SymmetricEigen3.of(covStyle).power(-0.5, EIGEN_FLOOR);
    return Mat3.multiply(contentRoot, styleInverseRoot);
  }

  private static double[] choleskyWithRidge(double[] cov) {
    double[] l = Mat3.cholesky(cov);
    double ridge = RIDGE;
    while (l == null) {
      l = Mat3.cholesky(Mat3.plusIdentity(cov, ridge));
      ridge *= 10;
    }
    return l;
  }

  /** Applies {@code x' = A (x - from) + to} to every pixel; returns new planes. */
  static RgbPixels apply(RgbPixels p, double[] a, double[] from, double[] to) {
    int n = p.size();
    float[] r = new float[n];
    float[] g = new float[n];
    float[] b = new float[n];
    for (int k = 0; k < n; k++) {
      double x = p.r()[k] - from[0];
      double y = p.g()[k] - from[1];
      double z = p.b()[k] - from[2];
      r[k] = (float) (a[0] * x + a[1] * y + a[2] * z + to[0]);
      g[k] = (float) (a[3] * x + a[4] * y + a[5] * z + to[1]);
      b[k] = (float) (a[6] * x + a[7] * y + a[8] * z + to[2]);
    }
    return new RgbPixels(p.width(), p.height(), r, g, b);
  }
}

package dev.neuralstyle.image;

/**
 * Separable resampling of one float plane: exact area averaging (box filter with fractional
 * coverage) along an axis that shrinks, Catmull-Rom bicubic interpolation along an axis that grows
 * or keeps its size. Edges are clamped. Inputs are never modified.
 */
final class Resampler {
  private final int[] first;
  private final float[][] weights;

  private Resampler(int[] first, float[][] weights) {
    this.first = first;
    this.weights = weights;
  }

  /** Weights mapping {@code src} samples to {@code dst} samples along one axis. */
  static Resampler forAxis(int src, int dst) {
    return dst < src ? area(src, dst) : bicubic(src, dst);
  }

  private static Resampler area(int src, int dst) {
    int[] first = new int[dst];
    float[][] weights = new float[dst][];
    double scale = (double) src / dst;
    for (int i = 0; i < dst; i++) {
      double lo = i * scale;
      double hi = Math.min(src, (i + 1) * scale);
      int start = (int) Math.floor(lo);
      int end = Math.min(src, (int) Math.ceil(hi));
      float[] w = new float[end - start];
      for (int k = start; k < end; k++) {
        double overlap = Math.min(hi, k + 1) - Math.max(lo, k);
        w[k - start] = (float) (Math.max(0, overlap) / (hi - lo));
      }
      first[i] = start;
      weights[i] = w;
    }
    return new Resampler(first, weights);
  }

  private static Resampler bicubic(int src, int dst) {
    int[] first = new int[dst];
    float[][] weights = new float[dst][];
    double scale = (double) src / dst;
    for (int i = 0; i < dst; i++) {
      double pos = (i + 0.5) * scale - 0.5;
      int base = (int) Math.floor(pos);
      double t = pos - base;
      first[i] = base - 1;
      weights[i] =
          new float[] {
            (float) cubic(t + 1), (float) cubic(t), (float) cubic(1 - t), (float) cubic(2 - t)
          };
    }
    return new Resampler(first, weights);
  }

  /** Catmull-Rom kernel (Keys, a = -0.5). */
  private static double cubic(double x) {
    double a = -0.5;
    x = Math.abs(x);
    if (x <= 1) {
      return ((a + 2) * x - (a + 3)) * x * x + 1;
    }
    if (x < 2) {
      return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }
    return 0;
  }

  /** Resizes a {@code sw x sh} plane to {@code dw x dh}: rows first, then columns. */
  static float[] resize(float[] plane, int sw, int sh, int dw, int dh) {
    Resampler horizontal = forAxis(sw, dw);
    Resampler vertical = forAxis(sh, dh);
    float[] rows = new float[dw * sh];
    for (int y = 0; y < sh; y++) {
      horizontal.apply(plane, y * sw, 1, sw, rows, y * dw, 1);
    }
    float[] out = new float[dw * dh];
    for (int x = 0; x < dw; x++) {
      vertical.apply(rows, x, dw, sh, out, x, dw);
    }
    return out;
  }

  private void apply(
      float[] src,
      int srcOffset,
      int srcStride,
      int srcLength,
      float[] dst,
      int dstOffset,
      int dstStride) {
    for (int i = 0; i < first.length; i++) {
      float[] w = weights[i];
      double sum = 0;
      for (int k = 0; k < w.length; k++) {
        int index = Math.max(0, Math.min(srcLength - 1, first[i] + k));
        sum += w[k] * src[srcOffset + index * srcStride];
      }
      dst[dstOffset + i * dstStride] = (float) sum;
    }
  }
}

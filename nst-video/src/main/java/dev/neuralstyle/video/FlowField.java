package dev.neuralstyle.video;

/**
 * A dense optical flow from one frame to another: the pixel at column x, row y of the first frame
 * shows the point at {@code (x + dx, y + dy)} of the second. Row-major, one value per pixel.
 *
 * @param width frame width
 * @param height frame height
 * @param dx horizontal displacement per pixel, in pixels
 * @param dy vertical displacement per pixel, in pixels
 */
public record FlowField(int width, int height, float[] dx, float[] dy) {
  /** Checks that both planes hold {@code width * height} values. */
  public FlowField {
    if (width < 1 || height < 1 || dx.length != width * height || dy.length != width * height) {
      throw new IllegalArgumentException(
          "flow planes must hold " + width + "x" + height + " values, found " + dx.length);
    }
  }

  /** A uniform flow: every pixel moves by {@code (shiftX, shiftY)}. */
  public static FlowField uniform(int width, int height, float shiftX, float shiftY) {
    float[] u = new float[width * height];
    float[] v = new float[width * height];
    java.util.Arrays.fill(u, shiftX);
    java.util.Arrays.fill(v, shiftY);
    return new FlowField(width, height, u, v);
  }

  /**
   * Bilinear sample of plane {@code p} at the real position {@code (x, y)}, which must lie within
   * the frame ({@code 0 <= x <= width - 1}, {@code 0 <= y <= height - 1}).
   */
  static float sample(float[] p, int width, int height, float x, float y) {
    int x0 = Math.min((int) x, width - 1);
    int y0 = Math.min((int) y, height - 1);
    int x1 = Math.min(x0 + 1, width - 1);
    int y1 = Math.min(y0 + 1, height - 1);
    float fx = x - x0;
    float fy = y - y0;
    float top = p[y0 * width + x0] * (1 - fx) + p[y0 * width + x1] * fx;
    float bottom = p[y1 * width + x0] * (1 - fx) + p[y1 * width + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  /** Whether {@code (x, y)} lies within the frame, where bilinear samples are defined. */
  boolean inside(float x, float y) {
    return x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1;
  }
}

package dev.neuralstyle.image;

import java.awt.image.BufferedImage;

/**
 * An RGB image as three float planes with values nominally in 0..1, row by row. Colour maths works
 * on this form so that results can be checked before 8-bit quantisation; values outside 0..1 are
 * allowed and are clamped only by {@link #toImage()}.
 *
 * <p>The plane arrays are shared, not copied: {@link #r()}, {@link #g()} and {@link #b()} return
 * the live arrays. Functions in this package never modify their inputs.
 */
public final class RgbPixels {
  private final int width;
  private final int height;
  private final float[] r;
  private final float[] g;
  private final float[] b;

  /**
   * Wraps three planes of {@code width * height} values each.
   *
   * @throws IllegalArgumentException if a size is not positive or a plane has the wrong length
   */
  public RgbPixels(int width, int height, float[] r, float[] g, float[] b) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    long n = (long) width * height;
    if (r.length != n || g.length != n || b.length != n) {
      throw new IllegalArgumentException(
          "planes must hold " + n + " values, got " + r.length + ", " + g.length + ", " + b.length);
    }
    this.width = width;
    this.height = height;
    this.r = r;
    this.g = g;
    this.b = b;
  }

  /** Converts an image (any type, read through its sRGB ARGB values, alpha ignored). */
  public static RgbPixels of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int n = argb.length;
    float[] r = new float[n];
    float[] g = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = (argb[i] >> 16 & 0xFF) / 255f;
      g[i] = (argb[i] >> 8 & 0xFF) / 255f;
      b[i] = (argb[i] & 0xFF) / 255f;
    }
    return new RgbPixels(w, h, r, g, b);
  }

  /** A new TYPE_INT_RGB image; values are clamped to 0..1 and rounded to 8 bits. */
  public BufferedImage toImage() {
    int n = r.length;
    int[] rgb = new int[n];
    for (int i = 0; i < n; i++) {
      rgb[i] = to8(r[i]) << 16 | to8(g[i]) << 8 | to8(b[i]);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  /** A deep copy. */
  public RgbPixels copy() {
    return new RgbPixels(width, height, r.clone(), g.clone(), b.clone());
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** Number of pixels, {@code width * height}. */
  public int size() {
    return r.length;
  }

  /** The red plane (live array). */
  public float[] r() {
    return r;
  }

  /** The green plane (live array). */
  public float[] g() {
    return g;
  }

  /** The blue plane (live array). */
  public float[] b() {
    return b;
  }

  private static int to8(float v) {
    if (!(v > 0f)) {
      return 0; // also NaN
    }
    return v >= 1f ? 255 : Math.round(v * 255f);
  }
}

package dev.neuralstyle.image;

import java.awt.image.BufferedImage;

/**
 * High-quality resizing. Shrinking uses exact area averaging, so every source pixel contributes (no
 * aliasing from skipped pixels, however large the factor); enlarging uses Catmull-Rom bicubic
 * interpolation. Both are pure: the input is never modified and a new TYPE_INT_RGB image is
 * returned, even when the size does not change.
 */
public final class ImageResize {
  private ImageResize() {}

  /**
   * Scales so that the longer side is {@code maxSide} pixels, keeping the aspect ratio (the shorter
   * side is rounded, and at least 1). Both smaller and larger images are scaled.
   *
   * @throws IllegalArgumentException if {@code maxSide} is not positive
   */
  public static BufferedImage toMaxSide(BufferedImage image, int maxSide) {
    if (maxSide <= 0) {
      throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = (double) maxSide / Math.max(w, h);
    int nw = w >= h ? maxSide : Math.max(1, (int) Math.round(w * scale));
    int nh = h > w ? maxSide : Math.max(1, (int) Math.round(h * scale));
    return toSize(image, nw, nh);
  }

  /**
   * Scales to exactly {@code width x height} (the aspect ratio may change).
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public static BufferedImage toSize(BufferedImage image, int width, int height) {
    return toSize(RgbPixels.of(image), width, height).toImage();
  }

  /**
   * Float version of {@link #toSize(BufferedImage, int, int)}; values are not clamped.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public static RgbPixels toSize(RgbPixels pixels, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    int sw = pixels.width();
    int sh = pixels.height();
    return new RgbPixels(
        width,
        height,
        Resampler.resize(pixels.r(), sw, sh, width, height),
        Resampler.resize(pixels.g(), sw, sh, width, height),
        Resampler.resize(pixels.b(), sw, sh, width, height));
  }
}

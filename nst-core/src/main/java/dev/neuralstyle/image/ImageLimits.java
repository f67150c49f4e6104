package dev.neuralstyle.image;

/** Limits on input images. */
public final class ImageLimits {
  /**
   * Default cap on an input image's pixel count (width x height): 100 megapixels, generous for photos
   * and paintings but a guard against decompression bombs.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  private ImageLimits() {}
}

package dev.neuralstyle.image;

import java.awt.image.BufferedImage;

/**
 * Applies an EXIF orientation (1..8) to an image so that it appears upright, the way cameras and
 * viewers intend: 6 means "rotate 90 degrees clockwise to display", 8 counter-clockwise, 3 by 180
 * degrees, and 2, 4, 5, 7 add a mirror flip.
 */
final class Orientation {
  private Orientation() {}

  /** Returns a new TYPE_INT_RGB image, or {@code src} itself for orientation 1 (or invalid). */
  static BufferedImage apply(BufferedImage src, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    int[] in = src.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[ow * oh];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = w - 1 - ox;
            sy = oy;
          }
          case 3 -> {
            sx = w - 1 - ox;
            sy = h - 1 - oy;
          }
          case 4 -> {
            sx = ox;
            sy = h - 1 - oy;
          }
          case 5 -> {
            sx = oy;
            sy = ox;
          }
          case 6 -> {
            sx = oy;
            sy = h - 1 - ox;
          }
          case 7 -> {
            sx = w - 1 - oy;
            sy = h - 1 - ox;
          }
          default -> {
            sx = w - 1 - oy;
            sy = ox;
          }
        }
        out[oy * ow + ox] = in[sy * w + sx];
      }
    }
    BufferedImage result = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, ow, oh, out, 0, ow);
    return result;
  }
}

package dev.neuralstyle.output.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Pixel inspection helpers for renderer tests. */
final class Pixels {
  private Pixels() {}

  /** A solid-colour image. */
  static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /** Bounding box of the pixels of exactly {@code rgb}, or null if there are none. */
  static Rectangle boundsOf(BufferedImage img, int rgb) {
    Rectangle box = null;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    return box;
  }

  /** Number of pixels of exactly {@code rgb} inside {@code area}. */
  static int count(BufferedImage img, int rgb, Rectangle area) {
    int n = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /** Number of dark pixels (all channels below 128), e.g. text, inside {@code area}. */
  static int dark(BufferedImage img, Rectangle area) {
    int n = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        int p = img.getRGB(x, y);
        if ((p >> 16 & 0xFF) < 128 && (p >> 8 & 0xFF) < 128 && (p & 0xFF) < 128) {
          n++;
        }
      }
    }
    return n;
  }
}

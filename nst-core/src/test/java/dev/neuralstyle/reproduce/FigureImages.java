package dev.neuralstyle.reproduce;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small synthetic images written to a folder, and a pixel error measure. */
final class FigureImages {
  private FigureImages() {}

  /** A colour ramp with a dark square, {@code w x h}. */
  static Path ramp(Path dir, String name, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int b = (x > w / 3 && x < 2 * w / 3 && y > h / 3 && y < 2 * h / 3) ? 20 : 200;
        img.setRGB(x, y, ((255 * x / w) << 16) | ((255 * y / h) << 8) | b);
      }
    }
    return write(dir, name, img);
  }

  /** Diagonal stripes of period {@code period} in two colours, {@code w x h}. */
  static Path stripes(Path dir, String name, int w, int h, int period, int a, int b)
      throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x + y) / period) % 2 == 0 ? a : b);
      }
    }
    return write(dir, name, img);
  }

  /** Mean squared error over the RGB channels in 0..255 of two images of equal size. */
  static double mse(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          double d = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
          sum += d * d;
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static Path write(Path dir, String name, BufferedImage img) throws IOException {
    Path p = dir.resolve(name);
    ImageIO.write(img, "png", p.toFile());
    return p;
  }
}

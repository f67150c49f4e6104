package dev.neuralstyle.transfer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small synthetic images written to a folder, for run tests. */
final class TestImages {
  private TestImages() {}

  /** A smooth colour ramp with a dark square, {@code w x h}. */
  static Path ramp(Path dir, String name, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 255 * x / w;
        int g = 255 * y / h;
        int b = (x > w / 3 && x < 2 * w / 3 && y > h / 3 && y < 2 * h / 3) ? 20 : 200;
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return write(dir, name, img);
  }

  /** Diagonal stripes of period {@code period}, {@code w x h}. */
  static Path stripes(Path dir, String name, int w, int h, int period) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean on = ((x + y) / period) % 2 == 0;
        img.setRGB(x, y, on ? 0xf0c020 : 0x2040a0);
      }
    }
    return write(dir, name, img);
  }

  private static Path write(Path dir, String name, BufferedImage img) throws IOException {
    Path p = dir.resolve(name);
    ImageIO.write(img, "png", p.toFile());
    return p;
  }
}

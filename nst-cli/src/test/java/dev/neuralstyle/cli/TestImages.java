package dev.neuralstyle.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small input images written by tests. */
final class TestImages {
  private TestImages() {}

  /** A w x h PNG with a red/green ramp, at {@code file}. */
  static Path ramp(Path file, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x * 6) << 16) | ((y * 8) << 8) | 0x40);
      }
    }
    ImageIO.write(img, "png", file.toFile());
    return file;
  }
}

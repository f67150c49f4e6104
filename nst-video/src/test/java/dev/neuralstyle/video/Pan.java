package dev.neuralstyle.video;

import dev.neuralstyle.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic clips: a smooth seeded colour texture panned right by a known number of pixels per
 * frame, so frame t at x shows what frame t-1 showed at x - shift, and new content enters at the
 * left border.
 */
final class Pan {
  private Pan() {}

  /** The frames of the pan. */
  static List<BufferedImage> frames(int w, int h, int count, int shift, long seed) {
    int bw = w + shift * (count - 1);
    SplittableRandom random = new SplittableRandom(seed);
    int waves = 12;
    double[][] p = new double[3 * waves][4];
    for (double[] wave : p) {
      wave[0] = 0.05 + 0.25 * random.nextDouble(); // frequency x
      wave[1] = 0.05 + 0.25 * random.nextDouble(); // frequency y
      wave[2] = 2 * Math.PI * random.nextDouble(); // phase
      wave[3] = random.nextDouble() < 0.5 ? -1 : 1;
    }
    BufferedImage base = new BufferedImage(bw, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < bw; x++) {
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
          double v = 0;
          for (int k = 0; k < waves; k++) {
            double[] wave = p[c * waves + k];
            v += Math.sin(wave[0] * x + wave[3] * wave[1] * y + wave[2]);
          }
          int level = (int) Math.max(0, Math.min(255, 128 + 100 * v / Math.sqrt(waves)));
          rgb = (rgb << 8) | level;
        }
        base.setRGB(x, y, rgb);
      }
    }
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      frames.add(base.getSubimage(shift * (count - 1 - t), 0, w, h));
    }
    return frames;
  }

  /** Writes the pan as {@code f01.png ...} into {@code dir} and returns it. */
  static Path folder(Path dir, int w, int h, int count, int shift, long seed) throws IOException {
    Files.createDirectories(dir);
    List<BufferedImage> frames = frames(w, h, count, shift, seed);
    for (int i = 0; i < frames.size(); i++) {
      ImageFiles.write(copy(frames.get(i)), dir.resolve(String.format("f%02d.png", i + 1)));
    }
    return dir;
  }

  private static BufferedImage copy(BufferedImage sub) {
    BufferedImage out =
        new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(sub, 0, 0, null);
    return out;
  }
}

package dev.neuralstyle.web;

import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.testkit.TinyWeightFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Test inputs: small synthetic images, weights, and the settings of a quick run. */
final class Fixtures {
  private Fixtures() {}

  /** The shared partial VGG-19 if present, else seeded random weights for conv1_1 … conv2_2. */
  static Path weights(Path dir) throws IOException {
    if (SharedFiles.partialVgg19().isPresent()) {
      return SharedFiles.partialVgg19().get();
    }
    return TinyWeightFiles.writeSafetensors(
        dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(4, 11), Map.of());
  }

  /** A {@code w x h} PNG: a colour ramp, with {@code seed} shifting the pattern. */
  static byte[] png(int w, int h, int seed) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (x * 255 / w + seed * 40) & 255;
        int g = (y * 255 / h) & 255;
        int b = ((x / 4 + y / 4 + seed) % 2) * 200;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Settings of a quick run on 48 px images within conv1_1 … conv2_2. */
  static Map<String, String> quick(int iterations) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("size", "48");
    m.put("iterations", String.valueOf(iterations));
    m.put("content-layers", "relu2_2");
    m.put("styleLayers", "relu1_1,relu2_1"); // the camelCase spelling is accepted too
    return m;
  }

  /** Settings for the default test server. */
  static WebSettings settings(Path dataDir, Path weights) {
    // Long jobs in the tests run 100,000 iterations until cancelled: above the server's default
    // cap.
    return WebSettings.of(0, dataDir, weights).withQueueCapacity(2).withMaxIterations(1_000_000);
  }
}

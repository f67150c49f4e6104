package dev.neuralstyle.batch;

import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Tiny inputs for batch tests: seeded two-conv weights and small synthetic images. */
final class BatchFixtures {
  private BatchFixtures() {}

  /** conv1_1 and conv1_2 of VGG-19 with seeded random values. */
  static VggWeights weights(Path dir) throws IOException {
    Path file =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    return WeightsLoader.load(file, null, null);
  }

  /** A w x h PNG with a colour pattern that depends on {@code seed}. */
  static Path image(Path file, int w, int h, int seed) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (x * (6 + seed * 3)) & 0xff;
        int g = (y * (8 + seed)) & 0xff;
        int b = ((x + y) * seed * 5) & 0xff;
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** The batch settings of the tests, as a request on {@code content} and {@code style}. */
  static StyleTransferRequest base(Path content, Path style) {
    return StyleTransferRequest.builder()
        .content(content)
        .styles(List.of(style))
        .contentLayers(List.of("relu1_2"))
        .styleLayers(List.of("relu1_1", "relu1_2"))
        .size(24)
        .scales(List.of(24))
        .iterations(4)
        .tolerance(0)
        .build();
  }
}

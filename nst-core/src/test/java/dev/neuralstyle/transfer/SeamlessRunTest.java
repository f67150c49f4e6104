package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.progress.ProgressListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --seamless}: the output's wrap-around edges look like any other neighbours. */
class SeamlessRunTest {
  @TempDir Path dir;

  /**
   * Mean absolute difference of neighbouring pixels across the wrap-around edges (last row to
   * first, last column to first) divided by the mean over interior neighbours: about 1 for an image
   * that tiles, larger for one with borders.
   */
  static double wrapRatio(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    double interior = 0;
    long interiorCount = 0;
    double wrap = 0;
    long wrapCount = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double right = diff(img.getRGB(x, y), img.getRGB((x + 1) % w, y));
        double down = diff(img.getRGB(x, y), img.getRGB(x, (y + 1) % h));
        if (x == w - 1) {
          wrap += right;
          wrapCount++;
        } else {
          interior += right;
          interiorCount++;
        }
        if (y == h - 1) {
          wrap += down;
          wrapCount++;
        } else {
          interior += down;
          interiorCount++;
        }
      }
    }
    return (wrap / wrapCount) / (interior / interiorCount);
  }

  private static double diff(int a, int b) {
    double d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d += Math.abs(((a >> shift) & 255) - ((b >> shift) & 255));
    }
    return d / 3;
  }

  private BufferedImage texture(boolean seamless) throws Exception {
    Path style = TestImages.ramp(dir, "style.png", 48, 48);
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(null)
            .styles(List.of(style))
            .size(48)
            .outputSize(32, 32)
            .contentLayers(List.of())
            .styleLayers(List.of("relu1_1", "pool1", "relu2_1"))
            .tvWeight(1e-2)
            .iterations(20)
            .tolerance(0)
            .seamless(seamless)
            .build();
    try (StyleTransfer engine =
        new StyleTransfer(
            new SeededVggWeights(VggModel.VGG19, "conv2_1", 1), Preprocessing.CAFFE)) {
      return engine.run(request, ProgressListener.NONE, () -> false).image();
    }
  }

  @Test
  void a_seamless_texture_differs_across_its_wrap_edges_like_inside() throws Exception {
    double seamless = wrapRatio(texture(true));
    double bordered = wrapRatio(texture(false));
    System.out.printf("wrap ratio seamless %.3f bordered %.3f%n", seamless, bordered);
    assertTrue(seamless > 0.6 && seamless < 1.4, "seamless wrap ratio " + seamless);
    assertTrue(bordered > 1.5, "the bordered texture's wrap ratio " + bordered);
  }

  @Test
  void seamless_needs_fp32() {
    StyleTransferRequestBuilder b =
        StyleTransferRequest.builder()
            .content(dir.resolve("c.png"))
            .styles(List.of(dir.resolve("s.png")))
            .seamless(true)
            .precision(Precision.BF16);
    NstException e = assertThrows(NstException.class, b::build);
    assertTrue(cli(e).contains("--seamless"), cli(e));
  }
}

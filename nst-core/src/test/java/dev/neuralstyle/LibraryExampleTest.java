package dev.neuralstyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example of {@code docs/ARCHITECTURE.md} ("The library face"), compiled and run here
 * on a seeded two-convolution VGG-19 file. It lives outside every library package, so it can only
 * use the public face; the second test checks that the document shows exactly this code.
 */
class LibraryExampleTest {
  @TempDir Path dir;

  @Test
  void the_documented_example_runs_on_seeded_weights() throws Exception {
    Path weightsFile =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    Path photo = image(dir.resolve("photo.png"), 40, 30, 0);
    Path painting = image(dir.resolve("painting.png"), 32, 32, 1);
    Path output = dir.resolve("out").resolve("styled.png");
    Files.createDirectories(output.getParent());

    List<Double> totals = example(weightsFile, photo, painting, output);

    assertTrue(!totals.isEmpty() && totals.size() <= 10, totals.toString());
    assertTrue(totals.get(totals.size() - 1) < totals.get(0), totals.toString());
    BufferedImage styled = ImageFiles.read(output, 1_000_000);
    assertEquals(32, Math.max(styled.getWidth(), styled.getHeight()));
  }

  @Test
  void the_architecture_document_shows_this_example() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/neuralstyle/LibraryExampleTest.java"));
    String doc = Files.readString(Path.of("../docs/ARCHITECTURE.md"));
    String example = between(source, "// example:begin\n", "    // example:end");
    String shown = between(doc, "```java\n", "```");
    assertEquals(unindent(example, 4), shown, "docs/ARCHITECTURE.md shows another example");
  }

  /** The documented code: returns the total loss after each step. */
  static List<Double> example(Path weightsFile, Path photo, Path painting, Path output) {
    // example:begin
    VggWeights weights = WeightsLoader.load(weightsFile, null, null); // any supported format
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(photo)
            .styles(List.of(painting))
            .size(32) // longest side in pixels
            .contentLayers(List.of("relu1_2")) // this file has conv1_1 and conv1_2 only
            .styleLayers(List.of("relu1_1", "relu1_2"))
            .iterations(10)
            .build(); // validates; a bad value is a SettingException naming its key
    List<Double> totals = new ArrayList<>();
    try (StyleTransfer transfer = new StyleTransfer(weights, weights.preprocessing())) {
      StyleTransferResult result =
          transfer.run(
              request,
              event -> { // on this thread, after each step
                if (event instanceof StepCompleted step) {
                  totals.add(step.losses().total());
                }
              },
              () -> false); // polled between steps: true stops the run
      ImageFiles.write(result.image(), output);
    }
    return totals;
    // example:end
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    assertTrue(from >= 0, "no " + begin.strip());
    from += begin.length();
    int to = text.indexOf(end, from);
    assertTrue(to >= 0, "no " + end.strip());
    return text.substring(from, to);
  }

  private static String unindent(String code, int spaces) {
    StringBuilder out = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      out.append(line.startsWith(" ".repeat(spaces)) ? line.substring(spaces) : line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static Path image(Path file, int w, int h, int seed) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = seed == 0 ? x * 255 / w : (x / 4 + y / 4) % 2 * 200;
        int g = seed == 0 ? y * 255 / h : 40;
        img.setRGB(x, y, r << 16 | g << 8 | 90);
      }
    }
    ImageFiles.write(img, file);
    return file;
  }
}

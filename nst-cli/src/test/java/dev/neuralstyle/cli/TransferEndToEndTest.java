package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.testkit.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real transfer through the command line on 64 px images with the shared partial VGG-19 (conv1_1
 * … conv3_4); skipped when the shared directory is absent.
 */
class TransferEndToEndTest {
  @TempDir Path dir;

  @Test
  void transfer_writes_image_panel_gif_loss_plot_record_and_snapshots() throws IOException {
    Optional<Path> shared = SharedFiles.dir();
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(shared.isPresent() && weights.isPresent(), "shared data not available");
    Path content = shared.get().resolve("images/content/tubingen.jpg");
    Path style = shared.get().resolve("images/style/starry_night.jpg");
    Assumptions.assumeTrue(Files.isRegularFile(content) && Files.isRegularFile(style));
    Path out = dir.resolve("results/out.png");

    Cli.Result r =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            style.toString(),
            "--weights",
            weights.get().toString(),
            "--content-layers",
            "relu3_2",
            "--style-layers",
            "relu1_1,relu2_1,relu3_1",
            "--size",
            "64",
            "--iterations",
            "30",
            "--gif-frames",
            "6",
            "--save-every",
            "10",
            "--output",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("wrote " + out + " (64x48)"), r::toString);
    assertTrue(r.err().contains("iteration 30/30"), r::toString);
    BufferedImage image = ImageIO.read(out.toFile());
    assertEquals(64, image.getWidth());
    assertEquals(48, image.getHeight());
    BufferedImage panel = ImageIO.read(dir.resolve("results/out-panel.png").toFile());
    assertTrue(panel.getWidth() > 3 * 48, "panel " + panel.getWidth() + " wide");
    assertNotNull(ImageIO.read(dir.resolve("results/out-loss.png").toFile()));
    assertTrue(gifFrames(dir.resolve("results/out.gif")) > 1);
    for (String snapshot : new String[] {"out-0010.png", "out-0020.png", "out-0030.png"}) {
      assertTrue(Files.isRegularFile(dir.resolve("results").resolve(snapshot)), snapshot);
    }

    JsonNode record = new ObjectMapper().readTree(dir.resolve("results/out.json").toFile());
    assertEquals("relu3_2", record.at("/request/contentLayers/0").asText());
    assertEquals(64, record.at("/request/size").asInt());
    assertEquals(0, record.at("/seed").asLong());
    assertEquals(64, record.at("/weights/sha256").asText().length());
    assertEquals("SAFETENSORS", record.at("/weights/format").asText());
    assertEquals("caffe", record.at("/weights/convention").asText());
    assertTrue(record.at("/versions/djl").asText().startsWith("0."), record.toString());
    assertEquals(30, record.at("/result/evaluations").asInt());
    JsonNode steps = record.get("steps");
    assertTrue(steps.size() > 2, "steps: " + steps.size());
    double firstStyle = steps.get(0).get("style").asDouble();
    double lastStyle = steps.get(steps.size() - 1).get("style").asDouble();
    assertTrue(lastStyle < firstStyle, "style loss " + firstStyle + " -> " + lastStyle);
    for (JsonNode step : steps) { // the weighted terms add up to the total; raw values are kept
      double sum =
          step.get("content").asDouble() + step.get("style").asDouble() + step.get("tv").asDouble();
      assertEquals(step.get("total").asDouble(), sum, 1e-4 * step.get("total").asDouble());
      assertTrue(step.at("/raw/style").asDouble() > 0, step.toString());
    }
    assertEquals(out.toString(), record.at("/outputs/image").asText());
    assertEquals(dir.resolve("results/out.gif").toString(), record.at("/outputs/gif").asText());
  }

  @Test
  void default_layers_fall_back_to_what_the_shared_weights_hold_and_say_so() throws IOException {
    Optional<Path> shared = SharedFiles.dir();
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(shared.isPresent() && weights.isPresent(), "shared data not available");
    Path content = shared.get().resolve("images/content/tubingen.jpg");
    Path style = shared.get().resolve("images/style/starry_night.jpg");
    Path out = dir.resolve("fallback.png");
    Cli.Result r =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            style.toString(),
            "--weights",
            weights.get().toString(),
            "--size",
            "48",
            "--iterations",
            "3",
            "--no-panel",
            "--no-gif",
            "--no-loss-plot",
            "--output",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    String note =
        "note: the weights lack layers of the defaults (content relu4_2, style"
            + " relu1_1,relu2_1,relu3_1,relu4_1,relu5_1): using content relu3_2 and style"
            + " relu1_1,relu2_1,relu3_1, the deepest they have";
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("note: ")).count(), r::toString);
    assertTrue(r.err().contains(note), r::toString);
    JsonNode record = new ObjectMapper().readTree(dir.resolve("fallback.json").toFile());
    assertEquals("relu3_2", record.at("/request/contentLayers/0").asText());
    assertEquals(3, record.at("/request/styleLayers").size());
    assertEquals(note.substring("note: ".length()), record.at("/weights/layerFallback").asText());
  }

  @Test
  void an_explicit_layer_the_weights_lack_is_still_an_error() {
    Optional<Path> shared = SharedFiles.dir();
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(shared.isPresent() && weights.isPresent(), "shared data not available");
    Cli.Result r =
        Cli.run(
            "transfer",
            "--content",
            shared.get().resolve("images/content/tubingen.jpg").toString(),
            "--style",
            shared.get().resolve("images/style/starry_night.jpg").toString(),
            "--weights",
            weights.get().toString(),
            "--content-layers",
            "relu4_2",
            "--size",
            "48",
            "--output",
            dir.resolve("missing.png").toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.err()
            .contains(
                "has no conv4_1 (needed for relu4_2) (it holds conv1_1 … conv3_4); use a full"
                    + " VGG-19 file"),
        r::toString);
    assertTrue(Files.notExists(dir.resolve("missing.png")));
  }

  private static int gifFrames(Path gif) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      int n = reader.getNumImages(true);
      reader.read(n - 1);
      reader.dispose();
      return n;
    }
  }
}

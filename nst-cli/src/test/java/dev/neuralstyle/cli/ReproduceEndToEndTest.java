package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.transfer.Defaults;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each figure command through the command line at 32 px and a few evaluations with the shared
 * partial VGG-19 (conv1_1 … conv3_4, so three paper layers); skipped when it is absent.
 */
class ReproduceEndToEndTest {
  private static final int TILE = 32;

  @TempDir Path dir;
  private Path weights;
  private Path images;

  @BeforeEach
  void sharedFiles() {
    weights = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    images = SharedFiles.dir().orElseThrow().resolve("images");
  }

  @Test
  void content_layers_writes_a_one_row_grid_and_three_tiles() throws IOException {
    Path out = dir.resolve("figs/content.png");
    Cli.Result r =
        run("reproduce", "content-layers", "--content", photo(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("tile 3/3"), r::toString);
    assertTrue(r.out().startsWith("wrote " + out + " (1 x 4 tiles)"), r::toString);
    assertGrid(out, 1, 4);
    assertTiles(
        dir.resolve("figs/content"), "content-conv1_1", "content-conv2_1", "content-conv3_1");
    JsonNode record = json(dir.resolve("figs/content/content-conv2_1.json"));
    assertEquals("relu2_1", record.at("/request/contentLayers/0").asText());
    assertEquals(0, record.at("/request/styleWeight").asDouble());
  }

  @Test
  void style_layers_writes_one_tile_per_layer_set() throws IOException {
    Path out = dir.resolve("style.png");
    Cli.Result r =
        run(
            "reproduce",
            "style-layers",
            "--style",
            painting("starry_night"),
            "--output",
            out.toString(),
            "--quiet");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.out() + r.err());
    assertGrid(out, 1, 4);
    assertTiles(
        dir.resolve("style"), "style-conv1_1", "style-conv1_1-conv2_1", "style-conv1_1-conv3_1");
  }

  @Test
  void style_layers_with_ratios_writes_layer_sets_times_ratios() throws IOException {
    Path out = dir.resolve("fig3.png");
    Cli.Result r =
        run(
            "reproduce",
            "style-layers",
            "--ratios",
            "1e-4,1e-2",
            "--normalize-weights",
            "--content",
            photo(),
            "--style",
            painting("composition_vii"),
            "--output",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("tile 6/6"), r::toString);
    assertGrid(out, 3, 2);
    assertTiles(
        dir.resolve("fig3"),
        "transfer-conv1_1-ratio-1e-4",
        "transfer-conv1_1-ratio-1e-2",
        "transfer-conv1_1-conv2_1-ratio-1e-4",
        "transfer-conv1_1-conv2_1-ratio-1e-2",
        "transfer-conv1_1-conv3_1-ratio-1e-4",
        "transfer-conv1_1-conv3_1-ratio-1e-2");
    JsonNode record = json(dir.resolve("fig3/transfer-conv1_1-ratio-1e-2.json"));
    assertEquals(0.01, record.at("/request/contentWeight").asDouble(), 1e-12);
  }

  @Test
  void styles_takes_the_paintings_of_a_folder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("paintings"));
    for (String name : List.of("shipwreck", "starry_night")) {
      Files.copy(Path.of(painting(name)), folder.resolve(name + ".jpg"));
    }
    Path out = dir.resolve("fig2.png");
    Cli.Result r =
        run(
            "reproduce",
            "styles",
            "--content",
            photo(),
            "--style",
            folder.toString(),
            "--output",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertGrid(out, 2, 3);
    assertTiles(dir.resolve("fig2"), "styles-B-shipwreck", "styles-C-starry_night");
  }

  @Test
  void texture_has_the_asked_size_and_a_run_record() throws IOException {
    Path out = dir.resolve("tex/starry.png");
    Cli.Result r =
        run(
            "texture",
            "--style",
            painting("starry_night"),
            "--width",
            "48",
            "--height",
            "40",
            "--output",
            out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    BufferedImage image = ImageIO.read(out.toFile());
    assertEquals(48, image.getWidth());
    assertEquals(40, image.getHeight());
    JsonNode record = json(dir.resolve("tex/starry.json"));
    assertEquals("relu1_1", record.at("/request/styleLayers/0").asText());
    assertEquals(out.toString(), record.at("/outputs/image").asText());
    assertTrue(record.at("/request/seamless").asBoolean(), "textures are seamless by default");
  }

  @Test
  void texture_is_seamless_unless_no_seamless() {
    for (String[] args :
        List.of(
            new String[] {"--style", "s.png"},
            new String[] {"--style", "s.png", "--seamless"},
            new String[] {"--style", "s.png", "--no-seamless"})) {
      TextureCommand command = new TextureCommand();
      new picocli.CommandLine(command).parseArgs(args);
      boolean expected = !List.of(args).contains("--no-seamless");
      boolean seamless = command.seamless == null ? Defaults.TEXTURE_SEAMLESS : command.seamless;
      assertEquals(expected, seamless, List.of(args)::toString);
    }
  }

  private Cli.Result run(String... args) {
    String[] common = {
      "--weights", weights.toString(), "--size", String.valueOf(TILE), "--iterations", "6"
    };
    return Cli.run(Stream.concat(Stream.of(args), Stream.of(common)).toArray(String[]::new));
  }

  private String photo() {
    return images.resolve("content/tubingen.jpg").toString();
  }

  private String painting(String name) {
    return images.resolve("style/" + name + ".jpg").toString();
  }

  /** The grid holds rows x columns square cells of TILE px with ImageGrid's gaps, plus labels. */
  private static void assertGrid(Path file, int rows, int columns) throws IOException {
    BufferedImage grid = ImageIO.read(file.toFile());
    int gap = Math.max(6, TILE / 24);
    int cellsHigh = rows * TILE + (rows - 1) * gap;
    int cellsWide = columns * TILE + (columns - 1) * gap;
    String size = grid.getWidth() + "x" + grid.getHeight();
    assertTrue(grid.getWidth() >= cellsWide + 2 * gap, size);
    assertTrue(grid.getHeight() >= cellsHigh + 2 * gap, size);
    // Title, column labels and footnote add at most a few text lines; another row would not fit.
    assertTrue(grid.getHeight() < cellsHigh + 130, size);
  }

  private static void assertTiles(Path folder, String... names) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(2L * names.length, files.count(), "files in " + folder);
    }
    for (String name : names) {
      BufferedImage tile = ImageIO.read(folder.resolve(name + ".png").toFile());
      assertEquals(TILE, Math.max(tile.getWidth(), tile.getHeight()), name);
      assertEquals(6, json(folder.resolve(name + ".json")).at("/result/evaluations").asInt(), name);
    }
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }
}

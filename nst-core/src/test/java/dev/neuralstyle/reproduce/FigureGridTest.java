package dev.neuralstyle.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.StepRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure's grid, labels and footnote, with random weights up to conv2_1 at 32 px. */
class FigureGridTest {
  private static final SeededVggWeights WEIGHTS =
      new SeededVggWeights(VggModel.VGG19, "conv2_1", 5);
  private static final String OMITTED =
      "conv3_1, conv4_1, conv5_1 omitted: the weights file stops at conv2_1";
  @TempDir static Path dir;
  private static Path content;
  private static Path style;

  @BeforeAll
  static void images() throws Exception {
    content = FigureImages.ramp(dir, "content.png", 32, 24);
    style = FigureImages.stripes(dir, "style.png", 32, 32, 4, 0xf0c020, 0x2040a0);
  }

  private static FigureSettings settings(int iterations) {
    return new FigureSettings(
        VggModel.VGG19, PoolingMode.AVERAGE, 32, iterations, 1, DeviceSpec.cpu());
  }

  @Test
  void content_reconstruction_has_the_photo_and_one_tile_per_available_layer() {
    List<int[]> progress = new ArrayList<>();
    FigureResult f =
        new ContentReconstruction(WEIGHTS, Preprocessing.CAFFE, settings(5))
            .run(content, (i, n, e) -> progress.add(new int[] {i, n}), () -> false);
    assertEquals(List.of("photo", "conv1_1", "conv2_1"), f.columnLabels());
    assertEquals(3, f.tileCount());
    assertEquals(2, f.runs().size());
    assertEquals("content-conv2_1", f.runs().get(1).name());
    assertEquals(List.of("relu3_1", "relu4_1", "relu5_1"), f.omittedLayers());
    assertTrue(f.footnote().startsWith(OMITTED), f.footnote());
    assertTrue(f.footnote().contains("; un-normalised VGG; vgg19, avg pooling"), f.footnote());
    assertTrue(f.complete());
    assertTrue(progress.stream().allMatch(p -> p[1] == 2 && p[0] >= 0 && p[0] < 2));
    assertEquals(1, progress.get(progress.size() - 1)[0]);
    BufferedImage grid = f.render(40);
    assertTrue(grid.getWidth() > 3 * 40 && grid.getHeight() > 40);
  }

  @Test
  void style_reconstruction_from_noise_lowers_the_style_loss_a_hundredfold() {
    FigureResult f =
        new StyleReconstruction(WEIGHTS, Preprocessing.CAFFE, settings(40))
            .layers(style, FigureProgress.NONE, () -> false);
    assertEquals(List.of("painting", "conv1_1", "conv1_1, conv2_1"), f.columnLabels());
    assertEquals(3, f.tileCount());
    for (TileRun run : f.runs()) {
      List<StepRecord> steps = run.result().steps();
      double first = steps.get(0).style();
      double last = steps.get(steps.size() - 1).style();
      assertTrue(last * 100 <= first, run.name() + ": style loss " + first + " -> " + last);
      assertNull(run.result().content());
      assertEquals(32, run.result().image().getWidth());
    }
  }

  @Test
  void ratio_grid_has_a_row_per_layer_set_and_a_column_per_ratio() {
    FigureResult f =
        new StyleReconstruction(WEIGHTS, Preprocessing.CAFFE, settings(3))
            .ratios(content, style, List.of(1e-4, 1e-2), FigureProgress.NONE, () -> false);
    assertEquals(List.of("conv1_1", "conv1_1, conv2_1"), f.rowLabels());
    assertEquals(List.of("α/β = 1e-4", "α/β = 1e-2"), f.columnLabels());
    assertEquals(4, f.tileCount());
    assertEquals("transfer-conv1_1-conv2_1-ratio-1e-2", f.runs().get(3).name());
    assertEquals(List.of("relu1_2"), f.runs().get(0).request().contentLayers());
    assertEquals(1e-4, f.runs().get(0).request().contentWeight());
    assertTrue(f.footnote().contains("content conv1_2 (the paper's conv4_2"), f.footnote());
  }

  @Test
  void styles_figure_shows_paintings_above_results_with_the_papers_ratios() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("paintings"));
    Path starry = FigureImages.stripes(folder, "starry_night.png", 32, 32, 3, 0x1030a0, 0xe0d040);
    Path nude = FigureImages.stripes(folder, "seated-nude.jpg", 32, 32, 6, 0x806040, 0xd0b090);
    FigureImages.stripes(folder, "other.png", 32, 32, 2, 0, 0xffffff);
    List<Path> picked = StylesFigure.pickStyles(folder);
    assertEquals(List.of(starry, nude), picked);
    FigureResult f =
        new StylesFigure(WEIGHTS, Preprocessing.CAFFE, settings(3))
            .run(content, picked, FigureProgress.NONE, () -> false);
    assertEquals(List.of("painting", "result"), f.rowLabels());
    assertEquals("C  seated-nude\nα/β = 1e-4", f.columnLabels().get(2));
    assertEquals(5, f.tileCount());
    assertNull(f.tile(0, 0));
    assertEquals(1e-3, f.runs().get(0).request().contentWeight());
    assertEquals(1e-4, f.runs().get(1).request().contentWeight());
  }

  @Test
  void a_folder_without_the_papers_paintings_gives_all_images_sorted() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("others"));
    Path b = FigureImages.stripes(folder, "b.png", 16, 16, 2, 0, 0xffffff);
    Path a = FigureImages.stripes(folder, "a.jpg", 16, 16, 2, 0, 0xffffff);
    Files.writeString(folder.resolve("notes.txt"), "not an image");
    assertEquals(List.of(a, b), StylesFigure.pickStyles(folder));
    assertEquals(1e-3, StylesFigure.paperRatio(a));
  }

  @Test
  void texture_has_the_requested_size_and_uses_the_texture_papers_layers() {
    TextureSynthesis t = new TextureSynthesis(WEIGHTS, Preprocessing.CAFFE, settings(5));
    assertEquals(List.of("relu1_1", "pool1"), t.layers());
    var r = t.run(style, 48, 20, e -> {}, () -> false);
    assertEquals(48, r.image().getWidth());
    assertEquals(20, r.image().getHeight());
  }

  @Test
  void cancelling_leaves_the_remaining_tiles_empty() {
    FigureResult f =
        new ContentReconstruction(WEIGHTS, Preprocessing.CAFFE, settings(3))
            .run(content, FigureProgress.NONE, () -> true);
    assertTrue(!f.complete());
    assertEquals(1, f.tileCount());
  }
}

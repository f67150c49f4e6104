package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ColorSpaces;
import dev.neuralstyle.image.RgbPixels;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs with seeded random weights up to conv2_1 on 32 px images, including the choice of
 * device. This machine has no GPU, so the GPU test skips here: it is written for a {@code -Pcuda}
 * build on a CUDA machine and has never run.
 */
class StyleTransferRunTest {
  private static StyleTransfer engine;
  @TempDir static Path dir;
  private static Path content;
  private static Path style;

  @BeforeAll
  static void setUp() throws Exception {
    engine =
        new StyleTransfer(new SeededVggWeights(VggModel.VGG19, "conv2_1", 3), Preprocessing.CAFFE);
    content = TestImages.ramp(dir, "content.png", 32, 24);
    style = TestImages.stripes(dir, "style.png", 40, 40, 4);
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  private static StyleTransferRequestBuilder small() {
    return StyleTransferRequest.builder()
        .content(content)
        .styles(List.of(style))
        .size(32)
        .contentLayers(List.of("relu2_1"))
        .styleLayers(List.of("relu1_1", "relu2_1"))
        .iterations(30);
  }

  @Test
  void lbfgs_lowers_the_style_loss_and_reports_every_step() {
    List<ProgressEvent> events = new ArrayList<>();
    StyleTransferResult r =
        engine.run(
            small().init(InitSpec.of(InitMode.CONTENT)).snapshotEvery(10).build(),
            events::add,
            () -> false);
    assertEquals(32, r.image().getWidth());
    assertEquals(24, r.image().getHeight());
    assertTrue(events.get(0) instanceof RunStarted);
    assertTrue(events.get(events.size() - 1) instanceof RunFinished);
    long snapshots =
        events.stream().filter(e -> e instanceof StepCompleted s && s.snapshot() != null).count();
    assertTrue(snapshots >= 2, "snapshots " + snapshots);
    double first = r.steps().get(0).style();
    double last = r.steps().get(r.steps().size() - 1).style();
    assertTrue(last < first / 10, "style loss " + first + " -> " + last);
    assertTrue(r.evaluations() <= 30 + 25);
  }

  @Test
  void every_optimizer_lowers_the_total_loss() {
    for (OptimizerKind kind : OptimizerKind.values()) {
      StyleTransferResult r =
          engine.run(
              small().optimizer(kind).iterations(20).build(), ProgressListener.NONE, () -> false);
      double first = r.steps().get(0).total();
      double last = r.steps().get(r.steps().size() - 1).total();
      assertTrue(last < first, kind + ": " + first + " -> " + last);
    }
  }

  @Test
  void hvass_adaptive_mode_scales_each_term_to_about_its_weight() {
    StyleTransferResult r =
        engine.run(
            small()
                .optimizer(OptimizerKind.GD)
                .adaptiveWeights(true)
                .contentWeight(1.5)
                .styleWeight(10)
                .tvWeight(0.3)
                .init(InitSpec.of(InitMode.GRAY))
                .iterations(5)
                .build(),
            ProgressListener.NONE,
            () -> false);
    // Each term is divided by its own value, so the total is the sum of the weights.
    assertEquals(11.8, r.steps().get(0).total(), 1e-3);
  }

  @Test
  void same_seed_gives_identical_pixels() {
    StyleTransferRequest req =
        small().init(InitSpec.of(InitMode.NOISE)).iterations(8).seed(42).build();
    BufferedImage a = engine.run(req, ProgressListener.NONE, () -> false).image();
    BufferedImage b = engine.run(req, ProgressListener.NONE, () -> false).image();
    assertArrayEquals(pixels(a), pixels(b));
    BufferedImage c =
        engine.run(req.toBuilder().seed(43).build(), ProgressListener.NONE, () -> false).image();
    assertTrue(!java.util.Arrays.equals(pixels(a), pixels(c)));
  }

  @Test
  void cancellation_stops_between_iterations() {
    AtomicInteger steps = new AtomicInteger();
    StyleTransferResult r =
        engine.run(
            small().optimizer(OptimizerKind.ADAM).iterations(100).build(),
            e -> {
              if (e instanceof StepCompleted) {
                steps.incrementAndGet();
              }
            },
            () -> steps.get() >= 3);
    assertEquals("cancelled", r.stopReason());
    assertEquals(3, r.evaluations());
  }

  @Test
  void a_tolerance_ends_the_run_once_the_loss_stops_falling() {
    // 10% over 10 iterations: reached long before 300 iterations on this small problem
    StyleTransferResult r =
        engine.run(
            small().iterations(300).tolerance(0.1).build(), ProgressListener.NONE, () -> false);
    assertEquals("tolerance", r.stopReason());
    assertTrue(r.evaluations() < 300, "evaluations " + r.evaluations());
    List<StepRecord> steps = r.steps();
    double before = steps.get(steps.size() - 11).total();
    double now = steps.get(steps.size() - 1).total();
    assertTrue(before - now <= 0.1 * before, before + " -> " + now);

    // A window twice as long measures the fall over 20 iterations: the run goes on longer.
    StyleTransferResult longer =
        engine.run(
            small().iterations(300).tolerance(0.1).toleranceWindow(20).build(),
            ProgressListener.NONE,
            () -> false);
    assertTrue(
        longer.evaluations() > r.evaluations(),
        "window 20: " + longer.evaluations() + ", window 10: " + r.evaluations());
    List<StepRecord> ls = longer.steps();
    double before20 = ls.get(ls.size() - 21).total();
    assertTrue(before20 - ls.get(ls.size() - 1).total() <= 0.1 * before20, "window 20 reached");
  }

  @Test
  void tolerance_zero_runs_every_iteration() {
    StyleTransferResult r =
        engine.run(
            // Adam: one evaluation per step and no convergence test of its own
            small().optimizer(OptimizerKind.ADAM).iterations(40).tolerance(0).build(),
            ProgressListener.NONE,
            () -> false);
    assertEquals("budget", r.stopReason());
    assertEquals(40, r.evaluations());
  }

  @Test
  void native_memory_stays_flat_over_sixty_iterations() {
    long[] rss = new long[2];
    engine.run(
        small().optimizer(OptimizerKind.LBFGS).iterations(60).build(),
        e -> {
          if (e instanceof StepCompleted s) {
            if (s.iteration() == 10 || (rss[0] == 0 && s.iteration() > 10)) {
              rss[0] = residentBytes();
            }
            rss[1] = residentBytes();
          }
        },
        () -> false);
    // Every evaluation allocates ~2 MB of activations here; a leak would add > 50 MB.
    long growth = rss[1] - rss[0];
    assertTrue(growth < 30L << 20, "resident memory grew by " + (growth >> 20) + " MB");
  }

  @Test
  void a_layer_beyond_the_weights_fails_before_any_work() {
    NstException e =
        assertThrows(
            NstException.class,
            () ->
                engine.run(
                    small().styleLayers(List.of("relu3_1")).build(),
                    ProgressListener.NONE,
                    () -> false));
    assertTrue(cli(e).contains("needs conv2_2"), cli(e));
    assertTrue(cli(e).contains("conv1_1 … conv2_1"), cli(e));
  }

  @Test
  void coarse_to_fine_runs_every_stage_and_ends_at_the_final_size() {
    List<Integer> stageSizes = new ArrayList<>();
    StyleTransferResult r =
        engine.run(
            small().scales(List.of(16)).iterations(10).build(),
            e -> {
              if (e instanceof RunStarted s) {
                stageSizes.add(s.width());
              }
            },
            () -> false);
    assertEquals(List.of(16), stageSizes);
    assertEquals(32, r.image().getWidth());
    assertEquals(10 + 4, r.evaluations());
  }

  @Test
  void outputs_above_384_px_start_coarse_unless_one_stage_is_asked_for() {
    assertEquals(List.of(32), small().build().stageSizes());
    assertEquals(List.of(384), small().size(384).build().stageSizes());
    assertEquals(List.of(256, 512), small().size(512).build().stageSizes());
    assertEquals(List.of(256, 512, 1024), small().size(1024).build().stageSizes());
    assertEquals(List.of(512), small().size(512).scales(List.of(512)).build().stageSizes());
    assertEquals(List.of(30, 12), small().size(512).build().stageIterations());
  }

  @Test
  void luminance_mode_keeps_the_content_chroma() {
    StyleTransferResult r =
        engine.run(
            small().colorPreservation(ColorPreservation.LUMINANCE).iterations(10).build(),
            ProgressListener.NONE,
            () -> false);
    float[][] out = ColorSpaces.rgbToYiq(RgbPixels.of(r.image()));
    float[][] in = ColorSpaces.rgbToYiq(RgbPixels.of(r.content()));
    int[] px = pixels(r.image());
    int checked = 0;
    for (int i = 0; i < px.length; i++) {
      if (clipped(px[i])) {
        continue; // out-of-gamut colours are clipped to 0..255, which changes their chroma
      }
      checked++;
      for (int c = 1; c < 3; c++) {
        // Exact up to the 8-bit rounding of the output.
        assertEquals(in[c][i], out[c][i], 0.01, "chroma channel " + c + " pixel " + i);
      }
    }
    assertTrue(checked > px.length / 2, "only " + checked + " unclipped pixels");
  }

  @Test
  void histogram_mode_gives_the_style_the_content_colour_mean() {
    BufferedImage contentImage = RgbPixels.of(r(content)).toImage();
    BufferedImage styleImage = r(style);
    BufferedImage matched =
        ColorControl.styles(ColorPreservation.HISTOGRAM, List.of(styleImage), contentImage).get(0);
    RgbPixels m = RgbPixels.of(matched);
    RgbPixels c = RgbPixels.of(contentImage);
    assertEquals(mean(c.r()), mean(m.r()), 0.01);
    assertEquals(mean(c.g()), mean(m.g()), 0.01);
    assertEquals(mean(c.b()), mean(m.b()), 0.01);
  }

  private static BufferedImage r(Path p) {
    return dev.neuralstyle.image.ImageFiles.read(p, 1 << 20);
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static boolean clipped(int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int v = (rgb >> shift) & 0xff;
      if (v == 0 || v == 255) {
        return true;
      }
    }
    return false;
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  private static long residentBytes() {
    try {
      String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
      return Long.parseLong(statm[1]) * 4096;
    } catch (Exception e) {
      return 0;
    }
  }

  @Test
  void cpu_run_reports_its_device_and_matches_the_default_without_a_gpu() {
    Assumptions.assumeFalse(gpu(), "with a GPU, auto would run there");
    StyleTransferResult cpu =
        engine.run(
            small().iterations(8).device(DeviceSpec.cpu()).build(),
            ProgressListener.NONE,
            () -> false);
    StyleTransferResult auto =
        engine.run(small().iterations(8).build(), ProgressListener.NONE, () -> false);
    assertEquals("cpu", cpu.device());
    assertEquals("cpu", auto.device());
    assertArrayEquals(pixels(cpu.image()), pixels(auto.image()));
  }

  @Test
  void a_gpu_that_is_not_there_fails_before_any_work() {
    Assumptions.assumeFalse(gpu(), "this machine has a GPU");
    List<ProgressEvent> events = new ArrayList<>();
    NstException e =
        assertThrows(
            NstException.class,
            () ->
                engine.run(
                    small().iterations(8).device(DeviceSpec.gpu(0)).build(),
                    events::add,
                    () -> false));
    assertTrue(
        cli(e).startsWith("invalid value for --device: gpu needs CUDA GPU 0, but no CUDA"), cli(e));
    assertTrue(events.isEmpty(), "events before the failure: " + events);
  }

  @Test
  @Tag("gpu")
  void gpu_run_stays_close_to_the_cpu_run() {
    Assumptions.assumeTrue(gpu(), "no CUDA GPU visible to the engine");
    StyleTransferRequest cpu = small().iterations(8).device(DeviceSpec.cpu()).build();
    StyleTransferResult onCpu = engine.run(cpu, ProgressListener.NONE, () -> false);
    StyleTransferResult onGpu =
        engine.run(
            cpu.toBuilder().device(DeviceSpec.gpu(0)).build(), ProgressListener.NONE, () -> false);
    assertEquals("gpu:0", onGpu.device());
    double first = onCpu.steps().get(0).total();
    // cuDNN and oneDNN sum in different orders: the same loss to float precision, not bit-equal.
    assertEquals(first, onGpu.steps().get(0).total(), 1e-4 * Math.abs(first));
  }

  private static boolean gpu() {
    return DeviceSpec.auto().resolve().isGpu();
  }
}

package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.ProgressListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a chosen device. This machine has no GPU, so the GPU test skips here: it is written for a
 * {@code -Pcuda} build on a CUDA machine and has never run.
 */
class DeviceRunTest {
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
        .iterations(8);
  }

  private static boolean gpu() {
    return DeviceSpec.auto().resolve().isGpu();
  }

  @Test
  void cpu_run_reports_its_device_and_matches_the_default_without_a_gpu() {
    Assumptions.assumeFalse(gpu(), "with a GPU, auto would run there");
    StyleTransferResult cpu =
        engine.run(small().device(DeviceSpec.cpu()).build(), ProgressListener.NONE, () -> false);
    StyleTransferResult auto = engine.run(small().build(), ProgressListener.NONE, () -> false);
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
            () -> engine.run(small().device(DeviceSpec.gpu(0)).build(), events::add, () -> false));
    assertTrue(
        e.getMessage().startsWith("invalid value for --device: gpu needs CUDA GPU 0, but no CUDA"),
        e.getMessage());
    assertTrue(events.isEmpty(), "events before the failure: " + events);
  }

  @Test
  @Tag("gpu")
  void gpu_run_stays_close_to_the_cpu_run() {
    Assumptions.assumeTrue(gpu(), "no CUDA GPU visible to the engine");
    StyleTransferRequest cpu = small().device(DeviceSpec.cpu()).build();
    StyleTransferResult onCpu = engine.run(cpu, ProgressListener.NONE, () -> false);
    StyleTransferResult onGpu =
        engine.run(
            cpu.toBuilder().device(DeviceSpec.gpu(0)).build(), ProgressListener.NONE, () -> false);
    assertEquals("gpu:0", onGpu.device());
    double first = onCpu.steps().get(0).total();
    // cuDNN and oneDNN sum in different orders: the same loss to float precision, not bit-equal.
    assertEquals(first, onGpu.steps().get(0).total(), 1e-4 * Math.abs(first));
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }
}

package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.transfer.DeviceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device} on {@code transfer} and {@code texture}: a CPU run works and records its device;
 * an unknown device is a usage error; a GPU on this GPU-less machine is a one-line error before any
 * work, with no output file. Tiny weights (conv1_1, conv1_2) and 32 px images.
 */
class DeviceOptionTest {
  private static final String GPU_MISSING =
      "error: invalid value for --device: gpu needs CUDA GPU 0, but no CUDA GPU is visible to the"
          + " PyTorch engine (this build bundles the CPU-only PyTorch native library: build with"
          + " -Pcuda";

  @TempDir Path dir;
  private Path content;
  private Path style;
  private Path weights;
  private Path out;

  @BeforeEach
  void inputs() throws IOException {
    content = TestImages.ramp(dir.resolve("content.png"), 40, 30);
    style = TestImages.ramp(dir.resolve("style.png"), 32, 32);
    weights =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    out = dir.resolve("out");
  }

  @Test
  void transfer_on_the_cpu_runs_and_records_the_device() throws IOException {
    Cli.Result r = transfer("--device", "cpu");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode record = new ObjectMapper().readTree(out.resolve("out.json").toFile());
    assertEquals("cpu", record.at("/request/device").asText());
    assertEquals("cpu", record.at("/result/device").asText());
  }

  @Test
  void transfer_with_an_unknown_device_is_a_usage_error() {
    Cli.Result r = transfer("--device", "tpu");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.err()
            .startsWith(
                "error: invalid value for --device: must be auto, cpu, gpu or gpu:N (N >= 0),"
                    + " found 'tpu'"),
        r::toString);
    assertNothingWritten(r);
  }

  @Test
  void transfer_on_a_missing_gpu_fails_before_any_work() {
    Assumptions.assumeFalse(DeviceSpec.auto().resolve().isGpu(), "this machine has a GPU");
    Cli.Result r = transfer("--device", "gpu");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(GPU_MISSING), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertNothingWritten(r);
  }

  @Test
  void texture_on_a_missing_gpu_fails_before_any_work() {
    Assumptions.assumeFalse(DeviceSpec.auto().resolve().isGpu(), "this machine has a GPU");
    Cli.Result r =
        Cli.run(
            "texture",
            "--style",
            style.toString(),
            "--weights",
            weights.toString(),
            "--size",
            "32",
            "--iterations",
            "2",
            "--device",
            "gpu",
            "--output",
            out.resolve("texture.png").toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(GPU_MISSING), r::toString);
    assertNothingWritten(r);
  }

  @Test
  void texture_on_the_cpu_runs_and_records_the_device() throws IOException {
    Cli.Result r =
        Cli.run(
            "texture",
            "--style",
            style.toString(),
            "--weights",
            weights.toString(),
            "--size",
            "32",
            "--iterations",
            "2",
            "--device",
            "cpu",
            "--output",
            out.resolve("texture.png").toString());
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode record = new ObjectMapper().readTree(out.resolve("texture.json").toFile());
    assertEquals("cpu", record.at("/request/device").asText());
    assertEquals("cpu", record.at("/result/device").asText());
  }

  private Cli.Result transfer(String... device) {
    String[] common = {
      "transfer",
      "--content",
      content.toString(),
      "--style",
      style.toString(),
      "--weights",
      weights.toString(),
      "--content-layers",
      "relu1_2",
      "--style-layers",
      "relu1_1",
      "--size",
      "32",
      "--iterations",
      "3",
      "--output",
      out.resolve("out.png").toString()
    };
    String[] all = new String[common.length + device.length];
    System.arraycopy(common, 0, all, 0, common.length);
    System.arraycopy(device, 0, all, common.length, device.length);
    return Cli.run(all);
  }

  private void assertNothingWritten(Cli.Result r) {
    assertFalse(Files.exists(out), "output folder created:\n" + r);
    assertFalse(r.err().contains("\tat "), "stack trace without --verbose:\n" + r);
  }
}

package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.neuralstyle.NstException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, defaults and resolution of {@code --device}, with the GPU count given (no engine). */
class DeviceSpecTest {
  @Test
  void parses_every_accepted_form_and_prints_it_back() {
    for (String text : List.of("auto", "cpu", "gpu", "gpu:1", "gpu:12")) {
      assertEquals(text, DeviceSpec.parse(text).describe());
    }
    assertEquals(DeviceSpec.gpu(0), DeviceSpec.parse(" GPU:0 "));
    assertEquals("gpu", DeviceSpec.gpu(0).describe());
  }

  @Test
  void an_unknown_device_names_the_flag_the_rule_and_the_value() {
    for (String text : List.of("tpu", "cuda", "gpu:", "gpu:-1", "gpu:x", "cpu:0", "")) {
      NstException e = assertThrows(NstException.class, () -> DeviceSpec.parse(text));
      assertEquals(
          "invalid value for --device: must be auto, cpu, gpu or gpu:N (N >= 0), found '"
              + text
              + "'",
          cli(e));
    }
  }

  @Test
  void the_default_is_auto_and_a_request_carries_it() {
    assertEquals(DeviceSpec.auto(), Defaults.DEVICE);
    StyleTransferRequestBuilder b =
        StyleTransferRequest.builder().content(Path.of("c.png")).styles(List.of(Path.of("s.png")));
    assertEquals(Defaults.DEVICE, b.device());
    assertEquals(Defaults.DEVICE, b.build().device());
    NstException e = assertThrows(NstException.class, () -> b.device(null).build());
    assertTrue(cli(e).contains("--device"), cli(e));
  }

  @Test
  void auto_takes_the_first_gpu_when_there_is_one() {
    assertEquals(Device.cpu(), DeviceSpec.auto().resolve(0, "PyTorch", false));
    assertEquals(Device.gpu(0), DeviceSpec.auto().resolve(2, "PyTorch", true));
    assertEquals(Device.cpu(), DeviceSpec.cpu().resolve(2, "PyTorch", true));
    assertEquals(Device.gpu(1), DeviceSpec.gpu(1).resolve(2, "PyTorch", true));
  }

  @Test
  void a_gpu_on_a_cpu_only_build_says_how_to_get_one() {
    NstException e =
        assertThrows(NstException.class, () -> DeviceSpec.gpu(0).resolve(0, "PyTorch", false));
    assertEquals(
        "invalid value for --device: gpu needs CUDA GPU 0, but no CUDA GPU is visible to the"
            + " PyTorch engine (this build bundles the CPU-only PyTorch native library: build with"
            + " -Pcuda as the README's 'Running on a GPU' explains, or use --device cpu)",
        cli(e));
  }

  @Test
  void a_gpu_number_out_of_range_lists_the_gpus_there_are() {
    NstException e =
        assertThrows(NstException.class, () -> DeviceSpec.gpu(2).resolve(2, "PyTorch", true));
    assertEquals(
        "invalid value for --device: gpu:2 needs CUDA GPU 2, but the PyTorch engine sees only"
            + " gpu:0 to gpu:1 (choose one of those, or auto)",
        cli(e));
    NstException noDriver =
        assertThrows(NstException.class, () -> DeviceSpec.gpu(0).resolve(0, "PyTorch", true));
    assertTrue(
        noDriver.getMessage().contains("native library supports CUDA: check the NVIDIA driver"),
        noDriver.getMessage());
  }

  @Test
  void resolved_devices_print_as_the_flag_names_them() {
    assertEquals("cpu", DeviceSpec.describe(Device.cpu()));
    assertEquals("gpu:1", DeviceSpec.describe(Device.gpu(1)));
  }
}

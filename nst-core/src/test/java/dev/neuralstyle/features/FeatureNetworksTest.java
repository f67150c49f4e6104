package dev.neuralstyle.features;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureNetworksTest {
  private static final List<String> AVX2 = List.of("fma", "avx", "avx2", "f16c");
  private static final List<String> ZEN4 = List.of("avx2", "avx512f", "avx512_bf16");

  @Test
  void bf16_is_refused_on_a_cpu_without_bf16_instructions() {
    NstException e =
        assertThrows(
            NstException.class,
            () -> FeatureNetworks.requireSupported(Precision.BF16, false, AVX2));
    assertTrue(cli(e).contains("--precision"), cli(e));
    assertTrue(cli(e).contains("AVX512-BF16"), cli(e));
  }

  @Test
  void bf16_is_accepted_with_avx512_bf16_amx_a_gpu_or_unknown_flags() {
    assertDoesNotThrow(() -> FeatureNetworks.requireSupported(Precision.BF16, false, ZEN4));
    assertDoesNotThrow(
        () -> FeatureNetworks.requireSupported(Precision.BF16, false, List.of("amx_bf16")));
    assertDoesNotThrow(() -> FeatureNetworks.requireSupported(Precision.BF16, true, AVX2));
    assertDoesNotThrow(() -> FeatureNetworks.requireSupported(Precision.BF16, false, null));
  }

  @Test
  void fp16_is_for_gpus_only() {
    NstException e =
        assertThrows(
            NstException.class,
            () -> FeatureNetworks.requireSupported(Precision.FP16, false, ZEN4));
    assertTrue(cli(e).contains("fp16 is for GPUs"), cli(e));
    assertDoesNotThrow(() -> FeatureNetworks.requireSupported(Precision.FP16, true, AVX2));
  }

  @Test
  void fp32_runs_anywhere() {
    assertDoesNotThrow(() -> FeatureNetworks.requireSupported(Precision.FP32, false, AVX2));
  }

  @Test
  void precision_values_parse_and_bad_ones_name_the_flag() {
    assertTrue(Precision.parse(" BF16 ") == Precision.BF16);
    NstException e = assertThrows(NstException.class, () -> Precision.parse("int8"));
    assertTrue(cli(e).contains("--precision") && cli(e).contains("int8"));
  }
}

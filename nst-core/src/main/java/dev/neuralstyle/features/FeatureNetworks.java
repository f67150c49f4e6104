package dev.neuralstyle.features;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Picks the {@link FeatureNetwork} for a {@link Precision} and checks that the hardware has it. */
public final class FeatureNetworks {
  /** System property that lets reduced precision run emulated on a CPU without support. */
  public static final String ALLOW_EMULATED = "nst.allowEmulatedPrecision";

  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

  private FeatureNetworks() {}

  /**
   * The float32 {@link VggFeatures} for {@link Precision#FP32}, else a {@link ScriptedVggFeatures}
   * after {@link #requireSupported}.
   */
  public static FeatureNetwork create(
      NDManager parent,
      VggModel model,
      PoolingMode pooling,
      Precision precision,
      ConvParameters params,
      String deepestLayer) {
    if (precision == Precision.FP32) {
      return VggFeatures.create(parent, model, pooling, params, deepestLayer);
    }
    requireSupported(precision, parent.getDevice());
    return ScriptedVggFeatures.create(parent, model, pooling, precision, params, deepestLayer);
  }

  /**
   * Refuses a reduced precision the device cannot run fast: bfloat16 on a CPU without AVX512-BF16
   * or AMX (libtorch would emulate it, about 10x slower than float32 on this project's AVX2 test
   * machine), and float16 on any CPU. GPUs are accepted as they are (none was available to test
   * on). Where {@code /proc/cpuinfo} cannot be read, the CPU is given the benefit of the doubt. The
   * system property {@value #ALLOW_EMULATED}{@code =true} lifts the CPU checks, to compare results
   * on any machine (tests and the benchmark use it).
   *
   * @throws SettingException naming {@code precision}, the rule and the value
   */
  public static void requireSupported(Precision precision, Device device) {
    if (!Boolean.getBoolean(ALLOW_EMULATED)) {
      requireSupported(precision, device.isGpu(), cpuFlags());
    }
  }

  static void requireSupported(Precision precision, boolean gpu, List<String> cpuFlags) {
    if (precision == Precision.FP32 || gpu) {
      return;
    }
    if (precision == Precision.FP16) {
      throw SettingException.invalid(
          "precision",
          "fp16 is for GPUs (CPUs have no fast half-precision convolutions), found fp16 on the"
              + " CPU; use bf16 or fp32");
    }
    if (cpuFlags != null && !cpuFlags.contains("avx512_bf16") && !cpuFlags.contains("amx_bf16")) {
      throw SettingException.invalid(
          "precision",
          "bf16 needs a CPU with AVX512-BF16 or AMX-BF16"
              + " instructions, and this CPU has neither (it would be emulated, slower than"
              + " fp32); use fp32");
    }
  }

  /** The flags of the first CPU in {@code /proc/cpuinfo}, or {@code null} if unreadable. */
  static List<String> cpuFlags() {
    try (var lines = Files.lines(CPU_INFO)) {
      return lines
          .filter(l -> l.startsWith("flags"))
          .findFirst()
          .map(l -> List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

package dev.neuralstyle.transfer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import dev.neuralstyle.SettingException;
import java.util.Locale;

/**
 * Where a run computes, as the {@code device} setting names it: {@code cpu}, {@code gpu} (CUDA GPU
 * 0), {@code gpu:N}, or {@code auto} (GPU 0 when the engine sees a CUDA GPU, else the CPU). Parsing
 * checks only the form; {@link #resolve()} asks the engine whether the GPU exists.
 *
 * @param kind auto, cpu or gpu
 * @param index the GPU's number for {@link Kind#GPU}, else 0
 */
public record DeviceSpec(Kind kind, int index) {
  /** The kinds of device choice. */
  public enum Kind {
    /** The first CUDA GPU if the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** A CUDA GPU by number. */
    GPU
  }

  private static final String RULE = "must be auto, cpu, gpu or gpu:N (N >= 0)";

  /** Validates the fields. */
  public DeviceSpec {
    Checks.required(kind, "device");
    if (index < 0 || (kind != Kind.GPU && index != 0)) {
      throw SettingException.invalid("device", RULE, kind + ":" + index);
    }
  }

  /** Whichever the engine offers: GPU 0 if there is one, else the CPU. */
  public static DeviceSpec auto() {
    return new DeviceSpec(Kind.AUTO, 0);
  }

  /** The CPU. */
  public static DeviceSpec cpu() {
    return new DeviceSpec(Kind.CPU, 0);
  }

  /** CUDA GPU {@code index}. */
  public static DeviceSpec gpu(int index) {
    return new DeviceSpec(Kind.GPU, index);
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (any case).
   *
   * @throws SettingException naming {@code device}, the accepted forms and the text found
   */
  public static DeviceSpec parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "auto":
        return auto();
      case "cpu":
        return cpu();
      case "gpu":
        return gpu(0);
      default:
        if (t.matches("gpu:[0-9]{1,4}")) {
          return gpu(Integer.parseInt(t.substring(4)));
        }
        throw SettingException.invalid("device", RULE, "'" + text + "'");
    }
  }

  /** The command-line form: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
  public String describe() {
    return switch (kind) {
      case AUTO -> "auto";
      case CPU -> "cpu";
      case GPU -> index == 0 ? "gpu" : "gpu:" + index;
    };
  }

  /** A resolved DJL device as the {@code device} setting names it: {@code cpu} or {@code gpu:N}. */
  public static String describe(Device device) {
    return Device.Type.GPU.equals(device.getDeviceType())
        ? "gpu:" + device.getDeviceId()
        : device.getDeviceType();
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * Fails unless the device can be used: a {@code gpu} choice needs that many CUDA GPUs visible to
   * the engine. {@code cpu} and {@code auto} always pass and do not start the engine.
   *
   * @throws SettingException naming {@code device}, the rule and what the engine sees
   */
  public void requireAvailable() {
    if (kind == Kind.GPU) {
      resolve();
    }
  }

  /**
   * The DJL device of this choice on the engine in use. An engine whose native library has no CUDA
   * support counts as seeing no GPU, without asking the driver (which only logs a warning here).
   *
   * @throws SettingException if a GPU is asked for that the engine does not see
   */
  public Device resolve() {
    if (kind == Kind.CPU) {
      return Device.cpu();
    }
    Engine engine = Engine.getInstance();
    boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
    return resolve(cuda ? engine.getGpuCount() : 0, engine.getEngineName(), cuda);
  }

  /**
   * As {@link #resolve()} for an engine named {@code engine} that sees {@code gpuCount} GPUs and
   * whose native library does or does not support CUDA.
   */
  Device resolve(int gpuCount, String engine, boolean cuda) {
    switch (kind) {
      case CPU:
        return Device.cpu();
      case AUTO:
        return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
      case GPU:
      default:
        if (index < gpuCount) {
          return Device.gpu(index);
        }
        String sees =
            gpuCount == 0
                ? "no CUDA GPU is visible to the " + engine + " engine"
                : String.format(
                    Locale.ROOT, "the %s engine sees only gpu:0 to gpu:%d", engine, gpuCount - 1);
        throw SettingException.invalid(
            "device",
            String.format(
                Locale.ROOT,
                "%s needs CUDA GPU %d, but %s (%s)",
                describe(),
                index,
                sees,
                hint(gpuCount, engine, cuda)));
    }
  }

  /** How to get a GPU. */
  private static String hint(int gpuCount, String engine, boolean cuda) {
    if (gpuCount > 0) {
      return "choose one of those, or auto";
    }
    if (!cuda) {
      return "this build bundles the CPU-only "
          + engine
          + " native library: build with -Pcuda as the README's 'Running on a GPU' explains, or"
          + " use {device} cpu";
    }
    return "its native library supports CUDA: check the NVIDIA driver and CUDA_VISIBLE_DEVICES, or"
        + " use {device} cpu";
  }
}

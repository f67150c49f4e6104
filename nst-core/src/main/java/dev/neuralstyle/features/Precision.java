package dev.neuralstyle.features;

import dev.neuralstyle.SettingException;
import java.util.Locale;

/**
 * Number format of the VGG forward and backward passes. The losses, the Gram matrices and the image
 * being optimised are always float32; only the convolutions, ReLUs and pooling run in the reduced
 * format (the features are converted back to float32 before any loss sees them).
 */
public enum Precision {
  /** float32 throughout, as in the paper's Caffe implementation. */
  FP32(6),
  /** bfloat16 convolutions (8-bit mantissa, float32's range): fast on CPUs with AVX512-BF16/AMX. */
  BF16(15),
  /** IEEE half precision: for GPUs only; CPUs have no fast half-precision convolutions. */
  FP16(5);

  private final int scalarType;

  Precision(int scalarType) {
    this.scalarType = scalarType;
  }

  /**
   * PyTorch's {@code ScalarType} code (as used in TorchScript source, e.g. {@code torch.to(x,
   * 15)}).
   */
  int scalarType() {
    return scalarType;
  }

  /** The option value: {@code fp32}, {@code bf16} or {@code fp16}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an option value. */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.cliName().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw SettingException.invalid("precision", "'" + text + "' (expected fp32, bf16 or fp16)");
  }
}

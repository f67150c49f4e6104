package dev.neuralstyle.weights.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Element types a weights file may declare. Only the floating-point ones can be turned into the
 * float32 values the network uses; the others are recognised so that the error message can name
 * them.
 */
public enum DType {
  F32(4, true),
  F16(2, true),
  BF16(2, true),
  F64(8, true),
  BOOL(1, false),
  U8(1, false),
  I8(1, false),
  F8_E5M2(1, false),
  F8_E4M3(1, false),
  I16(2, false),
  U16(2, false),
  I32(4, false),
  U32(4, false),
  I64(8, false),
  U64(8, false);

  private final int size;
  private final boolean floating;

  DType(int size, boolean floating) {
    this.size = size;
    this.floating = floating;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** Whether values of this type can be converted to float32 without reinterpretation. */
  public boolean convertible() {
    return floating;
  }

  /** The safetensors name of a type, or {@code null} if unknown. */
  public static DType fromSafetensors(String name) {
    try {
      return valueOf(name); // exact, as the format defines them: F32, not f32
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The type of a PyTorch legacy storage class such as {@code FloatStorage}, or {@code null}. */
  public static DType fromTorchStorage(String className) {
    switch (className) {
      case "FloatStorage":
        return F32;
      case "HalfStorage":
        return F16;
      case "BFloat16Storage":
        return BF16;
      case "DoubleStorage":
        return F64;
      default:
        return null;
    }
  }

  /**
   * Decodes {@code count} little-endian elements of this type from {@code bytes} (starting at its
   * position) into {@code out} at {@code outOffset}. BF16 is widened in pure Java (bits shifted
   * left by 16); F16 is decoded per IEEE 754 binary16.
   */
  public void decode(ByteBuffer bytes, float[] out, int outOffset, int count) {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    switch (this) {
      case F32:
        b.asFloatBuffer().get(out, outOffset, count);
        break;
      case F64:
        for (int i = 0; i < count; i++) {
          out[outOffset + i] = (float) b.getDouble(i * 8);
        }
        break;
      case BF16:
        for (int i = 0; i < count; i++) {
          out[outOffset + i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xFFFF) << 16);
        }
        break;
      case F16:
        for (int i = 0; i < count; i++) {
          out[outOffset + i] = halfToFloat(b.getShort(i * 2));
        }
        break;
      default:
        throw new IllegalStateException("not a float type: " + this);
    }
  }

  /** IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(short half) {
    int h = half & 0xFFFF;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1F;
    int mant = h & 0x3FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
    }
    if (exp == 0) {
      float magnitude = mant * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}

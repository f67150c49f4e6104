package dev.neuralstyle.weights.tensor;

import java.io.IOException;
import java.util.Arrays;

/**
 * One tensor as a reader found it: its name in the file, element type and shape, and a way to read
 * its values later. Reading is deferred so that tensors the loader does not need (classifier
 * layers) are never copied into memory.
 */
public final class RawTensor {
  /** Reads the tensor's values as float32 in C order. */
  @FunctionalInterface
  public interface Loader {
    /** The values, float32 in C order. */
    public float[] load() throws IOException;
  }

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final Loader loader;

  /** A tensor {@code name} of {@code dtype} and {@code shape} whose values {@code loader} reads. */
  public RawTensor(String name, DType dtype, long[] shape, Loader loader) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.loader = loader;
  }

  /** The tensor's name in the file. */
  public String name() {
    return name;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** The shape (a copy). */
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements, or -1 if the product overflows a long. */
  public long numel() {
    return numel(shape);
  }

  /** Reads the values; the caller has checked dtype and shape first. */
  public float[] load() throws IOException {
    return loader.load();
  }

  /** Product of {@code shape}, or -1 on overflow or a negative size. */
  public static long numel(long[] shape) {
    long n = 1;
    try {
      for (long d : shape) {
        if (d < 0) {
          return -1;
        }
        n = Math.multiplyExact(n, d);
      }
    } catch (ArithmeticException e) {
      return -1;
    }
    return n;
  }

  /** A shape as {@code 64x3x3x3}, or {@code scalar} for rank 0. */
  public static String shapeText(long[] shape) {
    if (shape.length == 0) {
      return "scalar";
    }
    return Arrays.stream(shape).mapToObj(Long::toString).reduce((a, b) -> a + "x" + b).get();
  }
}

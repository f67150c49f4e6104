package dev.neuralstyle.weights;

import java.io.IOException;
import java.util.Arrays;

/**
 * One tensor as a reader found it: its name in the file, element type and shape, and a way to read
 * its values later. Reading is deferred so that tensors the loader does not need (classifier
 * layers) are never copied into memory.
 */
final class RawTensor {
  /** Reads the tensor's values as float32 in C order. */
  @FunctionalInterface
  interface Loader {
    float[] load() throws IOException;
  }

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final Loader loader;

  RawTensor(String name, DType dtype, long[] shape, Loader loader) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.loader = loader;
  }

  String name() {
    return name;
  }

  DType dtype() {
    return dtype;
  }

  long[] shape() {
    return shape.clone();
  }

  /** Number of elements, or -1 if the product overflows a long. */
  long numel() {
    return numel(shape);
  }

  /** Reads the values; the caller has checked dtype and shape first. */
  float[] load() throws IOException {
    return loader.load();
  }

  /** Product of {@code shape}, or -1 on overflow or a negative size. */
  static long numel(long[] shape) {
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
  static String shapeText(long[] shape) {
    if (shape.length == 0) {
      return "scalar";
    }
    return Arrays.stream(shape).mapToObj(Long::toString).reduce((a, b) -> a + "x" + b).get();
  }
}

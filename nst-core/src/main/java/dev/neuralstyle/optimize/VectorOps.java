package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Reductions the optimisers need, returned as host doubles. */
final class VectorOps {
  private VectorOps() {}

  /** The dot product of two arrays of the same shape. */
  static double dot(NDArray a, NDArray b) {
    try (NDArray p = a.mul(b);
        NDArray s = p.sum()) {
      return scalar(s);
    }
  }

  /** The value of a one-element array of any floating-point type. */
  static double scalar(NDArray a) {
    return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
  }

  /** The largest absolute element. */
  static double maxAbs(NDArray a) {
    try (NDArray abs = a.abs();
        NDArray m = abs.max()) {
      return scalar(m);
    }
  }

  /** The sum of absolute elements. */
  static double sumAbs(NDArray a) {
    try (NDArray abs = a.abs();
        NDArray s = abs.sum()) {
      return scalar(s);
    }
  }
}

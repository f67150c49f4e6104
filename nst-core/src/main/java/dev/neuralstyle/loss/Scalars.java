package dev.neuralstyle.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplies and divides arrays by Java numbers in a way the backward pass can rely on. Use these,
 * not {@code NDArray.mul(Number)} and its siblings, on anything autograd records.
 *
 * <p>DJL's PyTorch engine turns the number of {@code mul(Number)}, {@code div(Number)}, {@code
 * add(Number)}, {@code pow(Number)} and the like into a 0-dimensional tensor over a Java direct
 * buffer (no copy) and closes that array when the operation returns. Autograd keeps the tensor for
 * the backward pass (the gradient of {@code a * k} is {@code k}), but nothing keeps the buffer:
 * when a garbage collection runs between forward and backward, backward reads freed memory. With a
 * collection forced in between, 50 of 50 gradients of {@code x.mul(3f)} came out NaN; in the test
 * suite it showed as a rare "the loss became NaN". Here the number becomes a tensor libtorch
 * allocates itself, which autograd's reference keeps alive.
 */
public final class Scalars {
  private Scalars() {}

  /** {@code a * factor}, differentiable with respect to {@code a}. */
  public static NDArray times(NDArray a, double factor) {
    try (NDArray k = scalar(a, factor)) {
      return a.mul(k);
    }
  }

  /** {@code a / divisor}, differentiable with respect to {@code a}. */
  public static NDArray dividedBy(NDArray a, double divisor) {
    try (NDArray k = scalar(a, divisor)) {
      return a.div(k);
    }
  }

  /**
   * A 0-dimensional array of {@code a}'s type on {@code a}'s device whose storage libtorch owns.
   * The in-place product reads the number's borrowed buffer once, at once, and records nothing for
   * backward; it also keeps a double's precision for float64 arrays.
   */
  private static NDArray scalar(NDArray a, double value) {
    return a.getManager().ones(new Shape(), a.getDataType()).muli(value);
  }
}

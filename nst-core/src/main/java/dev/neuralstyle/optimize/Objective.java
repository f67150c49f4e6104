package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A differentiable function of the image that an {@link ImageOptimizer} minimises. */
public interface Objective {
  /**
   * Evaluates the loss and its gradient at {@code x}. Every array the evaluation creates, the
   * returned gradient included, must belong to {@code scratch}; {@code x} itself is not modified.
   */
  Evaluation evaluate(NDArray x, NDManager scratch);
}

package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;

/**
 * Iterative minimisation of an {@link Objective} over the pixels of one image. The optimiser owns
 * the current image and its own state (moments, history) in a manager that {@link #close()}
 * releases.
 */
public interface ImageOptimizer extends AutoCloseable {
  /** The current image; owned by the optimiser, valid until the next step or close. */
  NDArray current();

  /**
   * Performs one iteration using at most {@code maxEvaluations} (at least 1) loss-and-gradient
   * evaluations.
   */
  StepOutcome step(Objective objective, int maxEvaluations);

  /** Total loss-and-gradient evaluations so far. */
  int evaluations();

  /** Releases the optimiser's arrays. */
  @Override
  void close();
}

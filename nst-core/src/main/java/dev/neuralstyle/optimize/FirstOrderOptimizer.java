package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * An optimiser that evaluates once per step and updates the image from that gradient alone (Adam,
 * normalised gradient descent), then optionally clips it to the valid pixel range.
 */
abstract class FirstOrderOptimizer implements ImageOptimizer {
  /** Owns the image and every piece of state that outlives a step. */
  protected final NDManager manager;

  private final PixelBounds bounds;
  private NDArray x;
  private int evaluations;

  FirstOrderOptimizer(NDArray start, PixelBounds bounds) {
    this.manager = start.getManager().newSubManager();
    this.bounds = bounds;
    this.x = start.duplicate();
    this.x.attach(manager);
  }

  /**
   * Updates {@code x} in place from gradient {@code g}; temporaries are released after the step.
   */
  abstract void update(NDArray x, NDArray g);

  @Override
  public final NDArray current() {
    return x;
  }

  @Override
  public final StepOutcome step(Objective objective, int maxEvaluations) {
    try (NDScope scope = new NDScope();
        NDManager scratch = manager.newSubManager()) {
      Evaluation e = objective.evaluate(x, scratch);
      evaluations++;
      update(x, e.gradient());
      if (bounds != null) {
        NDArray clipped = ScopedArrays.keep(bounds.clip(x), manager);
        x.close();
        x = clipped;
      }
      return new StepOutcome(e.loss(), e.breakdown(), 1, false);
    }
  }

  @Override
  public final int evaluations() {
    return evaluations;
  }

  @Override
  public final void close() {
    manager.close();
  }
}

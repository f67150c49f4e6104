package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * The gradient descent of the Hvass tutorial notebook: {@code x -= g * stepSize / (std(g) + 1e-8)},
 * then the image is clipped to the valid pixel range. Normalising by the gradient's standard deviation
 * makes the step size independent of the loss's scale.
 */
public final class NormalizedGradientDescent implements ImageOptimizer {
  private static final float STD_EPSILON = 1e-8f;

  private final NDManager manager;
  private final float stepSize;
  private final PixelBounds bounds;
  private NDArray x;
  private int evaluations;

  /**
   * Starts at a copy of {@code start}.
   *
   * @param bounds clip to these after each step, or {@code null} for no clipping
   */
  public NormalizedGradientDescent(NDArray start, float stepSize, PixelBounds bounds) {
    this.manager = start.getManager().newSubManager();
    this.stepSize = stepSize;
    this.bounds = bounds;
    this.x = start.duplicate();
    this.x.attach(manager);
  }

  @Override
  public NDArray current() {
    return x;
  }

  @Override
  public StepOutcome step(Objective objective, int maxEvaluations) {
    try (NDScope scope = new NDScope();
        NDManager scratch = manager.newSubManager()) {
      Evaluation e = objective.evaluate(x, scratch);
      evaluations++;
      NDArray g = e.gradient();
      NDArray centred = g.sub(g.mean());
      double std = Math.sqrt(VectorOps.scalar(centred.mul(centred).mean()));
      x.subi(g.mul((float) (stepSize / (std + STD_EPSILON))));
      if (bounds != null) {
        NDArray clipped = Arrays.keep(bounds.clip(x), manager);
        x.close();
        x = clipped;
      }
      return new StepOutcome(e.loss(), e.breakdown(), 1, false);
    }
  }

  @Override
  public int evaluations() {
    return evaluations;
  }

  @Override
  public void close() {
    manager.close();
  }
}

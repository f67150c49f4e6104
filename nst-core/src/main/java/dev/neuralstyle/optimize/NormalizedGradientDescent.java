package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;

/**
 * The gradient descent of the Hvass tutorial notebook: {@code x -= g * stepSize / (std(g) + 1e-8)},
 * then the image is clipped to the valid pixel range. Normalising by the gradient's standard
 * deviation makes the step size independent of the loss's scale.
 */
public final class NormalizedGradientDescent extends FirstOrderOptimizer {
  private static final float STD_EPSILON = 1e-8f;

  private final float stepSize;

  /**
   * Starts at a copy of {@code start}.
   *
   * @param bounds clip to these after each step, or {@code null} for no clipping
   */
  public NormalizedGradientDescent(NDArray start, float stepSize, PixelBounds bounds) {
    super(start, bounds);
    this.stepSize = stepSize;
  }

  @Override
  void update(NDArray x, NDArray g) {
    NDArray centred = g.sub(g.mean());
    double std = Math.sqrt(VectorOps.scalar(centred.mul(centred).mean()));
    x.subi(g.mul((float) (stepSize / (std + STD_EPSILON))));
  }
}

package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma and Ba, arXiv 1412.6980) on the image's pixels, optionally clipping the image to the
 * valid pixel range after each step. Differs from Gatys et al. (2015), who use L-BFGS: Adam needs
 * less memory and gives coarser results for the same number of evaluations.
 */
public final class AdamOptimizer extends FirstOrderOptimizer {
  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final NDArray m;
  private final NDArray v;
  private int t;

  /**
   * Starts at a copy of {@code start}.
   *
   * @param bounds clip to these after each step, or {@code null} for no clipping
   */
  public AdamOptimizer(
      NDArray start,
      float learningRate,
      float beta1,
      float beta2,
      float epsilon,
      PixelBounds bounds) {
    super(start, bounds);
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.m = manager.zeros(start.getShape(), start.getDataType());
    this.v = manager.zeros(start.getShape(), start.getDataType());
  }

  @Override
  void update(NDArray x, NDArray g) {
    t++;
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    NDArray update = m.div((float) c1).div(v.div((float) c2).sqrt().add(epsilon));
    x.subi(update.muli(learningRate));
  }
}

package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Adam (Kingma and Ba, arXiv 1412.6980) on the image's pixels, optionally clipping the image to the
 * valid pixel range after each step. Differs from Gatys et al. (2015), who use L-BFGS: Adam needs
 * less memory and gives coarser results for the same number of evaluations.
 */
public final class AdamOptimizer implements ImageOptimizer {
  private final NDManager manager;
  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final PixelBounds bounds;
  private NDArray x;
  private final NDArray m;
  private final NDArray v;
  private int t;
  private int evaluations;

  /**
   * Starts at a copy of {@code start}.
   *
   * @param bounds clip to these after each step, or {@code null} for no clipping
   */
  public AdamOptimizer(
      NDArray start, float learningRate, float beta1, float beta2, float epsilon, PixelBounds bounds) {
    this.manager = start.getManager().newSubManager();
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.bounds = bounds;
    this.x = start.duplicate();
    this.x.attach(manager);
    this.m = manager.zeros(start.getShape());
    this.v = manager.zeros(start.getShape());
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
      t++;
      NDArray g = e.gradient();
      m.muli(beta1).addi(g.mul(1 - beta1));
      v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
      double c1 = 1 - Math.pow(beta1, t);
      double c2 = 1 - Math.pow(beta2, t);
      NDArray update = m.div((float) c1).div(v.div((float) c2).sqrt().add(epsilon));
      x.subi(update.muli(learningRate));
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

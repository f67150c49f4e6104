package dev.neuralstyle.loss;

import ai.djl.ndarray.NDArray;

/**
 * The content loss of Gatys et al. (2015), eq. 1: {@code L_content = 1/2 sum_ij (F_ij - P_ij)^2}
 * where F and P are the responses of the generated and the content image at one layer ({@link
 * LossForm#PAPER}); or the mean squared error, as in the Hvass notebook ({@link LossForm#MEAN}).
 *
 * <p>Use a low layer (conv1_1 .. conv2_1) to reproduce the photo's exact pixels and a high one (the
 * paper's conv4_2) to keep its arrangement while letting the style reshape details.
 */
public final class ContentLoss {
  private ContentLoss() {}

  /** The loss between {@code features} and the fixed {@code target}, same shape. */
  public static NDArray compute(NDArray features, NDArray target, LossForm form) {
    NDArray diff = features.sub(target);
    NDArray squared = diff.mul(diff);
    return form == LossForm.PAPER ? Scalars.times(squared.sum(), 0.5) : squared.mean();
  }
}

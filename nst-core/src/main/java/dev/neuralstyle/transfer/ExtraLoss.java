package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;

/**
 * A loss term that a caller adds to the style-transfer objective, for instance the temporal
 * consistency term of video style transfer (Ruder et al. 2016, arXiv 1604.08610). The run asks for
 * one {@link Term} per coarse-to-fine stage, so a term can bring its targets to the stage's size;
 * its value enters the total loss as it is (it carries its own weight), not the breakdown's
 * content, style or TV parts.
 */
@FunctionalInterface
public interface ExtraLoss {
  /**
   * The term for one stage. Arrays it creates belong to {@code stage.manager()}, which closes when
   * the stage ends.
   */
  Term forStage(StageContext stage);

  /** The term of one stage: a differentiable scalar of the image being optimised. */
  @FunctionalInterface
  interface Term {
    /**
     * The weighted loss of {@code image} ((1, 3, H, W), in the network's input convention); must be
     * built from differentiable operations on {@code image}.
     */
    NDArray compute(NDArray image);
  }
}

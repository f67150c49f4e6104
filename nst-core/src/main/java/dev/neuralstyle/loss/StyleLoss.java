package dev.neuralstyle.loss;

import ai.djl.ndarray.NDArray;

/**
 * One layer's contribution to the style loss of Gatys et al. (2015), eq. 4: {@code E_l = 1/(4 N_l^2
 * M_l^2) sum_ij (G_ij - A_ij)^2}, with G and A the Gram matrices of the generated and the style
 * image ({@link LossForm#PAPER}); or the mean squared difference of size-normalised Gram matrices
 * ({@link LossForm#MEAN}). The total style loss is {@code sum_l w_l E_l} (eq. 5).
 */
public final class StyleLoss {
  private StyleLoss() {}

  /**
   * E_l between the Gram matrix of {@code features} and {@code targetGram}, which must be in the
   * same {@code form} and, for {@link LossForm#PAPER}, scaled to the same number of positions.
   */
  public static NDArray layerError(NDArray features, NDArray targetGram, LossForm form) {
    return gramError(
        GramMatrix.of(features, LossForm.PAPER),
        (double) GramMatrix.positions(features),
        targetGram,
        form);
  }

  /**
   * E_l from an unnormalised Gram matrix {@code gram} ({@link LossForm#PAPER}, a sum over {@code
   * positions} positions, e.g. accumulated over the tiles of an image) against {@code targetGram}
   * in {@code form}: the same value as {@link #layerError} of the features it sums.
   */
  public static NDArray gramError(
      NDArray gram, double positions, NDArray targetGram, LossForm form) {
    double n = gram.getShape().get(0);
    NDArray g = form != LossForm.PAPER ? Scalars.dividedBy(gram, n * positions) : gram;
    NDArray diff = g.sub(targetGram);
    NDArray squared = diff.mul(diff);
    if (form != LossForm.PAPER) {
      return squared.mean();
    }
    return Scalars.dividedBy(squared.sum(), 4.0 * n * n * positions * positions);
  }

  /**
   * E_l for one region of spatial control (Gatys et al. 2017): as {@link #layerError} with the
   * guided Gram matrix of {@code features} under {@code mask}, which covers {@code count}
   * positions.
   */
  public static NDArray guidedLayerError(
      NDArray features, NDArray mask, double count, NDArray targetGram, LossForm form) {
    NDArray gram = GramMatrix.guided(features, mask, count, form);
    NDArray diff = gram.sub(targetGram);
    NDArray squared = diff.mul(diff);
    if (form != LossForm.PAPER) {
      return squared.mean();
    }
    double n = gram.getShape().get(0);
    return Scalars.dividedBy(squared.sum(), 4.0 * n * n * count * count);
  }
}

package dev.neuralstyle.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The Gram matrix of a layer's feature maps, Gatys et al. (2015), eq. 3: {@code G_ij = sum_k F_ik
 * F_jk}, where F is the N x M matrix of N filter responses at M positions. It holds the
 * correlations between filter responses and discards their spatial arrangement.
 */
public final class GramMatrix {
  private GramMatrix() {}

  /**
   * The Gram matrix of {@code features} (shape (1, N, H, W) or (N, H, W)) in {@code form}:
   * unnormalised for {@link LossForm#PAPER}, divided by N x M for the other forms.
   */
  public static NDArray of(NDArray features, LossForm form) {
    Shape shape = features.getShape();
    long n = shape.get(shape.dimension() - 3);
    long m = shape.get(shape.dimension() - 2) * shape.get(shape.dimension() - 1);
    // F^T as an M x N matrix of positions by channels: a free view of the channels-last maps that
    // VggFeatures produces (an N x M reshape of them would copy every map), then G = (F^T)^T F^T.
    NDArray positionsByChannels =
        (shape.dimension() == 4 ? features.transpose(0, 2, 3, 1) : features.transpose(1, 2, 0))
            .reshape(m, n);
    NDArray gram = positionsByChannels.transpose().matMul(positionsByChannels);
    return form != LossForm.PAPER ? Scalars.dividedBy(gram, (double) (n * m)) : gram;
  }

  /**
   * The guided Gram matrix of Gatys et al. (2017, "Controlling Perceptual Factors", section 4.1):
   * the Gram matrix of the features weighted by a guidance channel {@code mask} of shape (1, 1, H,
   * W) at the layer's resolution, {@code G = (F . T)(F . T)^T}. The positions counted for
   * normalisation are {@code sum(mask)} instead of H x W ({@code count}).
   */
  public static NDArray guided(NDArray features, NDArray mask, double count, LossForm form) {
    Shape shape = features.getShape();
    long n = shape.get(shape.dimension() - 3);
    NDArray f = features.mul(mask).reshape(n, -1);
    NDArray gram = f.matMul(f.transpose());
    return form != LossForm.PAPER ? Scalars.dividedBy(gram, n * count) : gram;
  }

  /** Number of positions M (height x width) of a (1, N, H, W) or (N, H, W) feature array. */
  public static long positions(NDArray features) {
    Shape shape = features.getShape();
    return shape.get(shape.dimension() - 2) * shape.get(shape.dimension() - 1);
  }
}

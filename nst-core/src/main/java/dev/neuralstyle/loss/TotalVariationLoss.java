package dev.neuralstyle.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Total variation of an image (N, C, H, W): the sum over neighbouring pixels of their differences,
 * in L1 or squared form. Not part of Gatys et al. (2015); the Hvass notebook adds it as a "denoise"
 * loss and most implementations use it to suppress high-frequency noise. Zero for a constant image.
 */
public final class TotalVariationLoss {
  private static final NDIndex DOWN_FROM = new NDIndex(":, :, 1:, :");
  private static final NDIndex DOWN_TO = new NDIndex(":, :, :-1, :");
  private static final NDIndex RIGHT_FROM = new NDIndex(":, :, :, 1:");
  private static final NDIndex RIGHT_TO = new NDIndex(":, :, :, :-1");
  private static final NDIndex FIRST_ROW = new NDIndex(":, :, :1, :");
  private static final NDIndex FIRST_COLUMN = new NDIndex(":, :, :, :1");

  private TotalVariationLoss() {}

  /** The total variation of {@code image} in {@code form}. */
  public static NDArray compute(NDArray image, TvForm form) {
    NDArray dy = image.get(DOWN_FROM).sub(image.get(DOWN_TO));
    NDArray dx = image.get(RIGHT_FROM).sub(image.get(RIGHT_TO));
    return sum(dy, dx, form);
  }

  /**
   * The total variation of {@code image} seen as a torus, for seamless outputs: as {@link #compute}
   * plus the differences between the last and the first row and between the last and the first
   * column, so the wrap-around edges are smoothed like any other neighbours. Equal to {@link
   * #compute} of the image tiled periodically, per period.
   */
  public static NDArray wrapped(NDArray image, TvForm form) {
    NDArray down =
        NDArrays.concat(new NDList(image.get(DOWN_FROM), image.get(FIRST_ROW)), 2).sub(image);
    NDArray right =
        NDArrays.concat(new NDList(image.get(RIGHT_FROM), image.get(FIRST_COLUMN)), 3).sub(image);
    return sum(down, right, form);
  }

  /**
   * The size-independent form of {@link #wrapped}: {@link #computeMean} with the wrap-around
   * neighbour pairs included, for a seamless output under {@link LossForm#NORMALIZED}.
   */
  public static NDArray wrappedMean(NDArray image, TvForm form, double unit) {
    NDArray dy =
        NDArrays.concat(new NDList(image.get(DOWN_FROM), image.get(FIRST_ROW)), 2).sub(image);
    NDArray dx =
        NDArrays.concat(new NDList(image.get(RIGHT_FROM), image.get(FIRST_COLUMN)), 3).sub(image);
    if (form == TvForm.L1) {
      return Scalars.dividedBy(dy.abs().mean().add(dx.abs().mean()), unit);
    }
    return Scalars.dividedBy(dy.mul(dy).mean().add(dx.mul(dx).mean()), unit * unit);
  }

  private static NDArray sum(NDArray dy, NDArray dx, TvForm form) {
    if (form == TvForm.L1) {
      return dy.abs().sum().add(dx.abs().sum());
    }
    return dy.mul(dy).sum().add(dx.mul(dx).sum());
  }

  /**
   * The size-independent total variation: as {@link #compute}, but the mean over the vertical and
   * over the horizontal neighbour pairs instead of their sums, {@code mean |dy|^p + mean |dx|^p},
   * divided by {@code unit^p} so that it is measured in {@code unit}s (e.g. the network input's
   * value of a 0..1 pixel step). A stage at twice the size then weighs it alike.
   */
  public static NDArray computeMean(NDArray image, TvForm form, double unit) {
    NDArray dy = image.get(DOWN_FROM).sub(image.get(DOWN_TO));
    NDArray dx = image.get(RIGHT_FROM).sub(image.get(RIGHT_TO));
    if (form == TvForm.L1) {
      return Scalars.dividedBy(dy.abs().mean().add(dx.abs().mean()), unit);
    }
    return Scalars.dividedBy(dy.mul(dy).mean().add(dx.mul(dx).mean()), unit * unit);
  }
}

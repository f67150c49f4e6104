package dev.neuralstyle.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Circular ("wrap-around") padding of NCHW arrays, for seamless outputs: the image is treated as a
 * torus, so the row above the first is the last and the column left of the first is the last. DJL's
 * convolution pads with zeros only; padding circularly by concatenating wrapped slices and then
 * convolving without padding gives the convolution of the periodically tiled image, and the
 * gradient flows back through the slices to the pixels they came from.
 *
 * <p>Differs from Gatys et al. (2015), who pad with zeros: used only with the {@code seamless}
 * setting.
 */
final class CircularPadding {
  private CircularPadding() {}

  /** {@code x} with {@code p} wrapped rows and columns on every side (shape +2p in H and W). */
  static NDArray pad(NDArray x, int p) {
    // Intermediate handles are closed at once; autograd keeps what backward needs (nothing: the
    // gradient of a slice or a concatenation needs only shapes).
    try (NDArray left = x.get(new NDIndex(":, :, :, -" + p + ":"));
        NDArray right = x.get(new NDIndex(":, :, :, :" + p));
        NDArray wide = NDArrays.concat(new NDList(left, x, right), 3);
        NDArray top = wide.get(new NDIndex(":, :, -" + p + ":, :"));
        NDArray bottom = wide.get(new NDIndex(":, :, :" + p + ", :"))) {
      return NDArrays.concat(new NDList(top, wide, bottom), 2);
    }
  }

  /**
   * {@code x} made even-sized for 2x2 pooling with stride 2: an odd height gets its first row
   * appended, an odd width its first column, so the last pooling window wraps around instead of
   * dropping the last row or column (which would break the period). Returns {@code x} itself when
   * both sides are even.
   */
  static NDArray forPooling(NDArray x) {
    NDArray y = x;
    if (y.getShape().get(2) % 2 == 1) {
      y = NDArrays.concat(new NDList(y, y.get(new NDIndex(":, :, :1, :"))), 2);
    }
    if (y.getShape().get(3) % 2 == 1) {
      y = NDArrays.concat(new NDList(y, y.get(new NDIndex(":, :, :, :1"))), 3);
    }
    return y;
  }
}

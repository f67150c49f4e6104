package dev.neuralstyle.bench;

import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;

/**
 * The analytic floating-point operation count of the VGG convolutions: a 3x3 convolution from C_in
 * to C_out channels on an H x W map costs {@code 2 * 9 * C_in * C_out * H * W} (one multiply and
 * one add per weight and output position). Bias, ReLU, pooling and the losses are not counted.
 *
 * <p>Convention for one evaluation (loss and gradient with respect to the image, weights frozen):
 * {@code 2 x forward}. The backward pass computes only the gradient with respect to each
 * convolution's input, a transposed convolution with the same count as the forward one; no weight
 * gradients are formed. This is the convention of ENGINE-NOTES.
 */
final class ConvFlops {
  private ConvFlops() {}

  /**
   * Forward convolution FLOPs of {@code model} up to {@code lastConv} on an {@code h x w} image.
   */
  static double forward(VggModel model, String lastConv, int h, int w) {
    double total = 0;
    int in = 3;
    int block = 1;
    long hh = h;
    long ww = w;
    for (String conv : VggLayers.convsNeededFor(model, lastConv)) {
      int b = VggLayers.blockOf(conv);
      while (block < b) {
        hh /= 2;
        ww /= 2;
        block++;
      }
      int out = VggLayers.channels(b);
      total += 2.0 * 9 * in * out * hh * ww;
      in = out;
    }
    return total;
  }

  /** FLOPs of one evaluation (forward plus backward with respect to the input): 2 x forward. */
  static double evaluation(VggModel model, String lastConv, int h, int w) {
    return 2 * forward(model, lastConv, h, w);
  }
}

package dev.neuralstyle.weights;

import dev.neuralstyle.features.VggModel;

/** The parameter shapes a VGG model expects for each convolution (WEIGHT-FORMATS section 5). */
final class VggShapes {
  private static final int[] BLOCK_CHANNELS = {64, 128, 256, 512, 512};

  private VggShapes() {}

  /** OIHW weight shape of {@code conv} in {@code model}, e.g. 64x3x3x3 for conv1_1. */
  static long[] weight(VggModel model, String conv) {
    int index = model.convNames().indexOf(conv);
    if (index < 0) {
      throw new IllegalArgumentException(model + " has no " + conv);
    }
    long out = out(conv);
    long in = index == 0 ? 3 : out(model.convNames().get(index - 1));
    return new long[] {out, in, 3, 3};
  }

  /** Bias shape of {@code conv}: the number of its output channels. */
  static long[] bias(VggModel model, String conv) {
    return new long[] {weight(model, conv)[0]};
  }

  private static long out(String conv) {
    return BLOCK_CHANNELS[conv.charAt(4) - '1'];
  }
}

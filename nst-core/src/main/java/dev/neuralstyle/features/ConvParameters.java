package dev.neuralstyle.features;

/**
 * Source of the pretrained parameters of each convolution layer, in PyTorch's layout: the weight as
 * OIHW (out channels, in channels, kernel height, kernel width) in row-major order and the bias per
 * output channel. Implemented by the loaded weights file and by test fixtures.
 */
public interface ConvParameters {
  /** Whether parameters for convolution {@code conv} (for example {@code conv3_1}) are present. */
  boolean has(String conv);

  /** The OIHW weight of convolution {@code conv}, row-major. */
  float[] weight(String conv);

  /** The bias of convolution {@code conv}, one value per output channel. */
  float[] bias(String conv);
}

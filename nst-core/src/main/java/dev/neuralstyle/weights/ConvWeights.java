package dev.neuralstyle.weights;

import dev.neuralstyle.weights.tensor.RawTensor;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The float32 parameters of one VGG convolution: a weight tensor in OIHW order (out channels, in
 * channels, kernel height, kernel width; row-major) and one bias per out channel. Immutable: the
 * constructor and the array getters copy; {@link #weightBuffer()} and {@link #biasBuffer()} give
 * read-only views without copying.
 */
public final class ConvWeights {
  private final String layer;
  private final long[] shape;
  private final float[] weight;
  private final float[] bias;

  /**
   * Creates the parameters of {@code layer} (e.g. {@code conv1_1}), copying the arrays.
   *
   * @throws IllegalArgumentException if the shape is not 4-D or does not match the array lengths
   */
  public ConvWeights(String layer, long[] shape, float[] weight, float[] bias) {
    this(layer, shape, weight, bias, true);
  }

  private ConvWeights(String layer, long[] shape, float[] weight, float[] bias, boolean copy) {
    this.layer = Objects.requireNonNull(layer, "layer");
    if (copy) {
      shape = shape.clone();
      weight = weight.clone();
      bias = bias.clone();
    }
    if (shape.length != 4 || RawTensor.numel(shape) != weight.length || shape[0] != bias.length) {
      throw new IllegalArgumentException(
          "conv "
              + layer
              + ": shape "
              + Arrays.toString(shape)
              + " does not fit "
              + weight.length
              + " weights and "
              + bias.length
              + " biases");
    }
    this.shape = shape;
    this.weight = weight;
    this.bias = bias;
  }

  /** Wraps arrays the caller gives up (the loader's freshly read tensors) without copying. */
  static ConvWeights adopt(String layer, long[] shape, float[] weight, float[] bias) {
    return new ConvWeights(layer, shape, weight, bias, false);
  }

  /** The layer's name in the paper's notation, e.g. {@code conv3_1}. */
  public String layer() {
    return layer;
  }

  /** The weight shape {out, in, kernel height, kernel width} (a copy). */
  public long[] shape() {
    return shape.clone();
  }

  /** Number of output channels (filters). */
  public int outChannels() {
    return (int) shape[0];
  }

  /** Number of input channels. */
  public int inChannels() {
    return (int) shape[1];
  }

  /** The weights in OIHW row-major order (a copy). */
  public float[] weight() {
    return weight.clone();
  }

  /** The biases, one per output channel (a copy). */
  public float[] bias() {
    return bias.clone();
  }

  /** A read-only view of the OIHW weights, without copying. */
  public FloatBuffer weightBuffer() {
    return FloatBuffer.wrap(weight).asReadOnlyBuffer();
  }

  /** A read-only view of the biases, without copying. */
  public FloatBuffer biasBuffer() {
    return FloatBuffer.wrap(bias).asReadOnlyBuffer();
  }

  /** Number of parameters: weights plus biases. */
  public long parameterCount() {
    return (long) weight.length + bias.length;
  }

  @Override
  public String toString() {
    return layer + " " + RawTensor.shapeText(shape);
  }
}

package dev.neuralstyle.reproduce;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageTensors;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised VGG of Gatys et al. (2015): each convolution's filters are rescaled so that their
 * mean rectified response over a set of images and positions is 1, and the next convolution's
 * weights compensate, so the network computes the same function up to per-channel factors (Gatys in
 * leongatys/DeepTextures #2). Because ReLU, average pooling (linear) and max pooling all commute
 * with positive per-channel scaling, {@code relu(conv(x) / s) = relu(conv(x)) / s} flows unchanged
 * through either pooling mode into the next layer, whose input channel k is multiplied back by s_k.
 *
 * <p>Layers are normalised in forward order, each measured on the already normalised layers before
 * it. The paper calibrated on ImageNet images; we use whatever images the caller gives (typically
 * the run's content and style images).
 */
public final class VggNormalization {
  private VggNormalization() {}

  /**
   * Normalises every convolution {@code params} hold from conv1_1 on (stopping at the first gap).
   *
   * @param images calibration images, NCHW (1, 3, H, W), preprocessed for these weights; not closed
   * @throws NstException if there are no images or the weights have no conv1_1
   */
  public static NormalizedWeights normalize(
      ConvParameters params, VggModel model, PoolingMode pooling, List<NDArray> images) {
    if (images.isEmpty()) {
      throw new NstException("weight normalisation needs at least one image");
    }
    List<String> convs = new ArrayList<>();
    for (String conv : model.convNames()) {
      if (!params.has(conv)) {
        break;
      }
      convs.add(conv);
    }
    if (convs.isEmpty()) {
      throw new NstException("the weights have no conv1_1; nothing to normalise");
    }
    Map<String, float[]> weights = new LinkedHashMap<>();
    Map<String, float[]> biases = new LinkedHashMap<>();
    for (String conv : convs) {
      weights.put(conv, params.weight(conv).clone());
      biases.put(conv, params.bias(conv).clone());
    }
    Map<String, double[]> factors = new LinkedHashMap<>();
    NDManager parent = images.get(0).getManager();
    for (int i = 0; i < convs.size(); i++) {
      String conv = convs.get(i);
      NormalizedWeights current = new NormalizedWeights(weights, biases, factors);
      double[] s =
          meanResponses(parent, current, model, pooling, "relu" + conv.substring(4), images);
      for (int k = 0; k < s.length; k++) {
        s[k] = s[k] > 0 ? s[k] : 1; // a filter that never fires stays as it is
      }
      scaleOutputs(weights.get(conv), biases.get(conv), s);
      if (i + 1 < convs.size()) {
        scaleInputs(weights.get(convs.get(i + 1)), s);
      }
      factors.put(conv, s);
    }
    return new NormalizedWeights(weights, biases, factors);
  }

  /**
   * As {@link #normalize(ConvParameters, VggModel, PoolingMode, List)} for image files' pixels,
   * computed on {@code device}.
   */
  public static NormalizedWeights normalize(
      ConvParameters params,
      VggModel model,
      PoolingMode pooling,
      Preprocessing convention,
      List<BufferedImage> images,
      Device device) {
    try (NDManager manager = NDManager.newBaseManager(device)) {
      List<NDArray> tensors = new ArrayList<>();
      for (BufferedImage image : images) {
        tensors.add(ImageTensors.toTensor(manager, image, convention));
      }
      return normalize(params, model, pooling, tensors);
    }
  }

  /** Mean response of each channel of {@code layer} over all images and positions. */
  static double[] meanResponses(
      NDManager parent,
      ConvParameters params,
      VggModel model,
      PoolingMode pooling,
      String layer,
      List<NDArray> images) {
    double[] sums = null;
    long positions = 0;
    try (NDManager scratch = parent.newSubManager();
        VggFeatures features = VggFeatures.create(scratch, model, pooling, params, layer)) {
      for (NDArray image : images) {
        NDArray x = image.duplicate();
        x.attach(scratch);
        NDArray response = features.extract(x, List.of(layer)).get(layer);
        float[] channelSums = response.sum(new int[] {0, 2, 3}).toFloatArray();
        sums = sums == null ? new double[channelSums.length] : sums;
        for (int k = 0; k < sums.length; k++) {
          sums[k] += channelSums[k];
        }
        positions += response.getShape().get(2) * response.getShape().get(3);
      }
    }
    for (int k = 0; k < sums.length; k++) {
      sums[k] /= positions;
    }
    return sums;
  }

  /** Divides filter k (its OIHW row and its bias) by s_k. */
  private static void scaleOutputs(float[] weight, float[] bias, double[] s) {
    int perFilter = weight.length / s.length;
    for (int k = 0; k < s.length; k++) {
      for (int j = k * perFilter; j < (k + 1) * perFilter; j++) {
        weight[j] = (float) (weight[j] / s[k]);
      }
      bias[k] = (float) (bias[k] / s[k]);
    }
  }

  /** Multiplies input channel k of every filter of an OIHW weight by s_k. */
  private static void scaleInputs(float[] weight, double[] s) {
    int kernel = 9;
    int perFilter = s.length * kernel;
    for (int o = 0; o < weight.length / perFilter; o++) {
      for (int k = 0; k < s.length; k++) {
        int start = o * perFilter + k * kernel;
        for (int j = start; j < start + kernel; j++) {
          weight[j] = (float) (weight[j] * s[k]);
        }
      }
    }
  }
}

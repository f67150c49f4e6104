package dev.neuralstyle.reproduce;

import dev.neuralstyle.features.ConvParameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VGG weights rescaled by {@link VggNormalization}, with the factor s_k each filter was divided by:
 * the rectified response of filter k of a normalised layer is the original's divided by s_k.
 * Immutable; every accessor returns a copy.
 */
public final class NormalizedWeights implements ConvParameters {
  private final Map<String, float[]> weights;
  private final Map<String, float[]> biases;
  private final Map<String, double[]> factors;

  NormalizedWeights(
      Map<String, float[]> weights, Map<String, float[]> biases, Map<String, double[]> factors) {
    this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    this.biases = Collections.unmodifiableMap(new LinkedHashMap<>(biases));
    this.factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
  }

  /** The normalised convolutions, in forward order. */
  public List<String> layers() {
    return List.copyOf(factors.keySet());
  }

  /**
   * The per-channel factors s_k of convolution {@code conv}: the mean rectified response of filter
   * k over the calibration images and positions before normalisation (1 for filters that never
   * fired).
   *
   * @throws IllegalArgumentException if {@code conv} was not normalised
   */
  public double[] factors(String conv) {
    double[] f = factors.get(conv);
    if (f == null) {
      throw new IllegalArgumentException("no normalised layer " + conv);
    }
    return f.clone();
  }

  @Override
  public boolean has(String conv) {
    return weights.containsKey(conv);
  }

  @Override
  public float[] weight(String conv) {
    return weights.get(conv).clone();
  }

  @Override
  public float[] bias(String conv) {
    return biases.get(conv).clone();
  }
}

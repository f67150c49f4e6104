package dev.neuralstyle.features;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random VGG parameters (He initialisation) for the first convolutions, for tests. */
public final class RandomVggWeights implements ConvParameters {
  private final Map<String, float[]> weights = new HashMap<>();
  private final Map<String, float[]> biases = new HashMap<>();

  /** Parameters for every convolution of {@code model} up to and including {@code lastConv}. */
  public RandomVggWeights(VggModel model, String lastConv, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int in = 3;
    for (String conv : VggLayers.convsNeededFor(model, lastConv)) {
      int out = VggLayers.channels(VggLayers.blockOf(conv));
      float[] w = new float[out * in * 9];
      double std = Math.sqrt(2.0 / (in * 9));
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (gaussian(random) * std);
      }
      float[] b = new float[out];
      for (int i = 0; i < out; i++) {
        b[i] = (float) (0.01 * gaussian(random));
      }
      weights.put(conv, w);
      biases.put(conv, b);
      in = out;
    }
  }

  private static double gaussian(SplittableRandom r) {
    double u = Math.max(1e-12, r.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Override
  public boolean has(String conv) {
    return weights.containsKey(conv);
  }

  @Override
  public float[] weight(String conv) {
    return weights.get(conv);
  }

  @Override
  public float[] bias(String conv) {
    return biases.get(conv);
  }
}

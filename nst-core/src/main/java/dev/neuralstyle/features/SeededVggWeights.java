package dev.neuralstyle.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random VGG parameters (He initialisation, Box-Muller normals) with the real shapes, for
 * benchmarks past the layers of the shared partial weights file. The same values are exported to
 * the benchmark's reference script, so both sides run the same network; tests use them where the
 * real weights are not needed.
 */
public final class SeededVggWeights implements ConvParameters {
  private final List<String> convs = new ArrayList<>();
  private final Map<String, long[]> shapes = new HashMap<>();
  private final Map<String, float[]> weights = new HashMap<>();
  private final Map<String, float[]> biases = new HashMap<>();

  /** Parameters for every convolution of {@code model} up to and including {@code lastConv}. */
  public SeededVggWeights(VggModel model, String lastConv, long seed) {
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
      convs.add(conv);
      shapes.put(conv, new long[] {out, in, 3, 3});
      weights.put(conv, w);
      biases.put(conv, b);
      in = out;
    }
  }

  private static double gaussian(SplittableRandom r) {
    double u = Math.max(1e-12, r.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** The convolutions held, in forward order. */
  public List<String> convs() {
    return List.copyOf(convs);
  }

  /** The OIHW shape of convolution {@code conv}'s weight. */
  public long[] weightShape(String conv) {
    return shapes.get(conv).clone();
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

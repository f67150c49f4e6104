package dev.neuralstyle.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggModel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The normalised VGG computes the original function up to known per-channel factors. */
class VggNormalizationTest {
  private static final VggModel MODEL = VggModel.VGG19;

  @ParameterizedTest
  @EnumSource(PoolingMode.class)
  void deepest_outputs_are_the_originals_divided_by_the_factors_and_means_are_one(
      PoolingMode pool) {
    SeededVggWeights original = new SeededVggWeights(MODEL, "conv2_2", 11);
    try (NDManager manager = NDManager.newBaseManager()) {
      List<NDArray> images = List.of(image(manager, 20, 20, 1), image(manager, 16, 24, 2));
      NormalizedWeights normalized = VggNormalization.normalize(original, MODEL, pool, images);
      assertEquals(List.of("conv1_1", "conv1_2", "conv2_1", "conv2_2"), normalized.layers());
      for (String conv : normalized.layers()) {
        String relu = "relu" + conv.substring(4);
        double[] means =
            VggNormalization.meanResponses(manager, normalized, MODEL, pool, relu, images);
        double[] s = normalized.factors(conv);
        for (int k = 0; k < means.length; k++) {
          double expected = s[k] == 1 && means[k] == 0 ? 0 : 1; // dead filters stay 0
          assertEquals(expected, means[k], 1e-4, conv + " channel " + k);
        }
      }
      double[] s = normalized.factors("conv2_2");
      for (NDArray x : images) {
        float[] before = relu22(manager, original, pool, x);
        float[] after = relu22(manager, normalized, pool, x);
        int perChannel = before.length / s.length;
        double scale = 0;
        for (float v : before) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < before.length; i++) {
          double expected = before[i] / s[i / perChannel];
          double tolerance = 1e-4 * Math.abs(expected) + 1e-6 * scale / s[i / perChannel];
          assertTrue(
              Math.abs(after[i] - expected) <= tolerance,
              "element " + i + ": " + after[i] + " vs " + expected);
        }
      }
    }
  }

  private static float[] relu22(
      NDManager manager, dev.neuralstyle.features.ConvParameters p, PoolingMode pool, NDArray x) {
    try (VggFeatures f = VggFeatures.create(manager, MODEL, pool, p, "relu2_2")) {
      return f.extract(x, List.of("relu2_2")).get("relu2_2").toFloatArray();
    }
  }

  /** Caffe-range noise: values in -120..135 like mean-subtracted 0..255 pixels. */
  private static NDArray image(NDManager manager, int h, int w, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[3 * h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextDouble() * 255 - 120);
    }
    return manager.create(v, new Shape(1, 3, h, w));
  }
}

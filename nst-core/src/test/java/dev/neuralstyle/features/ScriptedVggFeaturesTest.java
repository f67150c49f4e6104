package dev.neuralstyle.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated TorchScript VGG computes the same layers as {@link VggFeatures}: exactly in float32
 * (which checks the generated graph), closely in bfloat16, and its gradient reaches the image.
 */
class ScriptedVggFeaturesTest {
  private static final List<String> LAYERS = List.of("conv1_1", "relu1_2", "pool1", "relu3_1");
  private static final ConvParameters WEIGHTS = new SeededVggWeights(VggModel.VGG19, "conv3_1", 7);
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static NDArray image(NDManager m) {
    m.getEngine().setRandomSeed(3);
    return m.randomUniform(-120f, 120f, new Shape(1, 3, 40, 48));
  }

  /** Relative L2 distance |a - b| / |b|. */
  private static double relativeL2(float[] a, float[] b) {
    assertEquals(b.length, a.length);
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
      norm += b[i] * (double) b[i];
    }
    return Math.sqrt(diff / norm);
  }

  private static Map<String, float[]> featuresAndGradient(
      FeatureNetwork net, NDManager m, float[][] gradient) {
    NDArray x = image(m);
    x.setRequiresGradient(true);
    Map<String, float[]> values = new java.util.LinkedHashMap<>();
    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
      Map<String, NDArray> f = net.extract(x, LAYERS);
      NDArray sum = null;
      for (Map.Entry<String, NDArray> e : f.entrySet()) {
        values.put(e.getKey(), e.getValue().toFloatArray());
        NDArray s = e.getValue().square().mean();
        sum = sum == null ? s : sum.add(s);
      }
      c.backward(sum);
    }
    gradient[0] = x.getGradient().toFloatArray();
    return values;
  }

  @ParameterizedTest
  @EnumSource(PoolingMode.class)
  void float32_script_matches_the_eager_stack(PoolingMode pooling) {
    compare(pooling, Precision.FP32, 1e-5, 1e-4);
  }

  @ParameterizedTest
  @EnumSource(PoolingMode.class)
  void bfloat16_stays_close_to_float32(PoolingMode pooling) {
    // bfloat16 keeps 8 bits of mantissa: a relative error of 2^-9 per rounding, growing with depth.
    compare(pooling, Precision.BF16, 0.02, 0.1);
  }

  private static void compare(
      PoolingMode pooling, Precision precision, double featureTol, double gradientTol) {
    try (NDManager m = manager.newSubManager();
        VggFeatures eager = VggFeatures.create(m, VggModel.VGG19, pooling, WEIGHTS, "relu3_1");
        ScriptedVggFeatures scripted =
            ScriptedVggFeatures.create(m, VggModel.VGG19, pooling, precision, WEIGHTS, "relu3_1")) {
      float[][] g32 = new float[1][];
      float[][] gScripted = new float[1][];
      Map<String, float[]> expected = featuresAndGradient(eager, m, g32);
      Map<String, float[]> actual = featuresAndGradient(scripted, m, gScripted);
      assertEquals(expected.keySet(), actual.keySet());
      for (String layer : LAYERS) {
        double err = relativeL2(actual.get(layer), expected.get(layer));
        assertTrue(err <= featureTol, precision + " " + layer + ": relative L2 error " + err);
      }
      double gErr = relativeL2(gScripted[0], g32[0]);
      assertTrue(gErr <= gradientTol, precision + " gradient: relative L2 error " + gErr);
    }
  }
}

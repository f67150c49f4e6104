package dev.neuralstyle.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Circular padding: the seamless network sees the image tiled periodically. */
class CircularPaddingTest {
  private NDManager manager;
  private final SplittableRandom random = new SplittableRandom(5);

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private float[] randomImage(int n) {
    float[] v = new float[n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextDouble() * 200 - 100);
    }
    return v;
  }

  private static NDArray tile3x3(NDArray x) {
    NDArray row = NDArrays.concat(new NDList(x, x, x), 3);
    return NDArrays.concat(new NDList(row, row, row), 2);
  }

  @Test
  void circular_features_equal_the_centre_of_the_tiled_image_features() {
    int h = 16;
    int w = 20;
    List<String> layers = List.of("relu1_1", "relu1_2", "pool1", "relu2_1", "pool2", "relu3_1");
    try (VggFeatures vgg =
        VggFeatures.create(
            manager,
            VggModel.VGG19,
            PoolingMode.AVERAGE,
            new SeededVggWeights(VggModel.VGG19, "conv3_1", 3),
            "relu3_1")) {
      NDArray x = manager.create(randomImage(3 * h * w), new Shape(1, 3, h, w));
      Map<String, NDArray> circular = vgg.extract(x, layers, true);
      Map<String, NDArray> tiled = vgg.extract(tile3x3(x), layers);
      for (String layer : layers) {
        NDArray c = circular.get(layer);
        long lh = c.getShape().get(2);
        long lw = c.getShape().get(3);
        NDArray centre =
            tiled.get(layer).get(new NDIndex(":, :, {}:{}, {}:{}", lh, 2 * lh, lw, 2 * lw));
        assertEquals(centre.getShape(), c.getShape(), layer);
        float err = centre.sub(c).abs().max().getFloat();
        float scale = centre.abs().max().getFloat();
        assertEquals(0, err, 1e-5 * scale, layer + ": max difference " + err);
      }
      // The zero-padded features differ at the border: the test can tell the two apart.
      NDArray zero = vgg.extract(x, List.of("relu1_1")).get("relu1_1");
      float borderGap = zero.sub(circular.get("relu1_1")).abs().max().getFloat();
      assertEquals(true, borderGap > 1, "zero and circular padding differ: " + borderGap);
    }
  }

  @Test
  void pooling_an_odd_side_wraps_the_first_row_and_column_around() {
    NDArray x = manager.arange(15f).reshape(1, 1, 3, 5);
    NDArray even = CircularPadding.forPooling(x);
    assertEquals(new Shape(1, 1, 4, 6), even.getShape());
    assertArrayEquals(
        new float[] {0, 1, 2, 3, 4, 0}, even.get(new NDIndex("0, 0, 3, :")).toFloatArray());
    assertArrayEquals(
        new float[] {0, 5, 10, 0}, even.get(new NDIndex("0, 0, :, 5")).toFloatArray());
  }

  @Test
  void gradient_of_a_circularly_padded_convolution_matches_finite_differences() {
    Shape shape = new Shape(1, 2, 4, 5);
    double[] kernel = new double[3 * 2 * 9];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = random.nextDouble() * 2 - 1;
    }
    Function<NDArray, NDArray> loss =
        x -> {
          NDArray k = x.getManager().create(kernel, new Shape(3, 2, 3, 3));
          NDArray y =
              Conv2d.conv2d(
                      CircularPadding.pad(x, 1),
                      k,
                      null,
                      new Shape(1, 1),
                      new Shape(0, 0),
                      new Shape(1, 1),
                      1)
                  .singletonOrThrow();
          return y.mul(y).sum();
        };
    double[] x = new double[(int) shape.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() * 2 - 1;
    }
    double[] analytic;
    try (NDManager scope = manager.newSubManager()) {
      NDArray leaf = scope.create(x, shape);
      leaf.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loss.apply(leaf));
      }
      analytic = leaf.getGradient().toDoubleArray();
      assertEquals(DataType.FLOAT64, leaf.getGradient().getDataType());
    }
    double step = 1e-6;
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += step;
      minus[i] -= step;
      double numeric;
      try (NDManager scope = manager.newSubManager()) {
        numeric =
            (loss.apply(scope.create(plus, shape)).getDouble()
                    - loss.apply(scope.create(minus, shape)).getDouble())
                / (2 * step);
      }
      assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
    }
  }
}

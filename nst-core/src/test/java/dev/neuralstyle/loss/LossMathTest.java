package dev.neuralstyle.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LossMathTest {
  private NDManager manager;
  private final SplittableRandom random = new SplittableRandom(7);

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray randomArray(long... shape) {
    int n = (int) new Shape(shape).size();
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = random.nextDouble() * 2 - 1;
    }
    return manager.create(d, new Shape(shape));
  }

  @Test
  void gram_matrix_is_symmetric_positive_semidefinite_and_equals_f_ft() {
    NDArray f = randomArray(1, 5, 4, 3);
    double[] g = GramMatrix.of(f, LossForm.PAPER).toDoubleArray();
    double[] fd = f.toDoubleArray();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        double expected = 0;
        for (int k = 0; k < 12; k++) {
          expected += fd[i * 12 + k] * fd[j * 12 + k];
        }
        assertEquals(expected, g[i * 5 + j], 1e-12);
        assertEquals(g[i * 5 + j], g[j * 5 + i], 1e-12);
      }
    }
    for (int trial = 0; trial < 20; trial++) {
      double[] v = new double[5];
      for (int i = 0; i < 5; i++) {
        v[i] = random.nextDouble() * 2 - 1;
      }
      double q = 0;
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          q += v[i] * g[i * 5 + j] * v[j];
        }
      }
      assertTrue(q >= -1e-12, "v^T G v = " + q);
    }
    double[] mean = GramMatrix.of(f, LossForm.MEAN).toDoubleArray();
    assertEquals(g[7] / (5 * 12), mean[7], 1e-12);
  }

  @Test
  void total_variation_of_a_constant_image_is_zero() {
    NDArray constant = manager.full(new Shape(1, 3, 6, 5), 0.37f);
    assertEquals(0f, TotalVariationLoss.compute(constant, TvForm.L1).getFloat(), 0f);
    assertEquals(0f, TotalVariationLoss.compute(constant, TvForm.L2).getFloat(), 0f);
  }

  @Test
  void total_variation_counts_each_edge_once() {
    float[] px = {0, 1, 1, 0}; // 2x2 checkerboard, one channel
    NDArray image = manager.create(px, new Shape(1, 1, 2, 2));
    assertEquals(4f, TotalVariationLoss.compute(image, TvForm.L1).getFloat(), 1e-6f);
    assertEquals(4f, TotalVariationLoss.compute(image.mul(2), TvForm.L1).div(2).getFloat(), 1e-6f);
    assertEquals(16f, TotalVariationLoss.compute(image.mul(2), TvForm.L2).getFloat(), 1e-6f);
  }

  @Test
  void wrapped_total_variation_adds_the_differences_across_the_wrap_around_edges() {
    NDArray ramp = manager.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(1, 1, 2, 3));
    // Open: |1|x4 across, |3|x3 down. Wrapped adds |0-2| and |3-5| across, |0-3|x3 down again.
    assertEquals(4f + 9f, TotalVariationLoss.compute(ramp, TvForm.L1).getFloat(), 1e-6f);
    assertEquals(13f + 4f + 9f, TotalVariationLoss.wrapped(ramp, TvForm.L1).getFloat(), 1e-6f);
    assertEquals(
        4f + 27f + 8f + 27f, TotalVariationLoss.wrapped(ramp, TvForm.L2).getFloat(), 1e-6f);
    NDArray constant = manager.full(new Shape(1, 3, 4, 5), 0.5f);
    assertEquals(0f, TotalVariationLoss.wrapped(constant, TvForm.L2).getFloat(), 0f);
  }

  @Test
  void content_loss_of_x_against_itself_is_zero_and_paper_form_is_half_the_sum() {
    NDArray x = randomArray(1, 4, 3, 3);
    assertEquals(0.0, ContentLoss.compute(x, x, LossForm.PAPER).getDouble(), 0.0);
    NDArray y = x.add(0.5);
    assertEquals(0.5 * 36 * 0.25, ContentLoss.compute(x, y, LossForm.PAPER).getDouble(), 1e-12);
    assertEquals(0.25, ContentLoss.compute(x, y, LossForm.MEAN).getDouble(), 1e-12);
  }

  @Test
  void style_layer_error_follows_the_paper_normalisation() {
    NDArray f = randomArray(1, 3, 2, 2);
    NDArray target = manager.zeros(new Shape(3, 3), DataType.FLOAT64);
    double[] g = GramMatrix.of(f, LossForm.PAPER).toDoubleArray();
    double sum = 0;
    for (double v : g) {
      sum += v * v;
    }
    double expected = sum / (4.0 * 9 * 16);
    assertEquals(
        expected, StyleLoss.layerError(f, target, LossForm.PAPER).getDouble(), 1e-12 * expected);
  }
}

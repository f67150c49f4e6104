package dev.neuralstyle.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Central finite differences in float64 against autograd, for every loss. */
class GradientCheckTest {
  private static final Shape SHAPE = new Shape(1, 3, 5, 4);
  private NDManager manager;
  private final SplittableRandom random = new SplittableRandom(11);

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private double[] randomValues() {
    double[] d = new double[(int) SHAPE.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextDouble() * 2 - 1;
    }
    return d;
  }

  private void check(Function<NDArray, NDArray> loss) {
    double[] x = randomValues();
    double[] analytic;
    try (NDManager scope = manager.newSubManager()) {
      NDArray leaf = scope.create(x, SHAPE);
      leaf.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loss.apply(leaf));
      }
      analytic = leaf.getGradient().toDoubleArray();
    }
    double h = 1e-6;
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric;
      try (NDManager scope = manager.newSubManager()) {
        numeric =
            (loss.apply(scope.create(plus, SHAPE)).getDouble()
                    - loss.apply(scope.create(minus, SHAPE)).getDouble())
                / (2 * h);
      }
      assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "element " + i);
    }
  }

  @Test
  void content_loss_gradients_match_finite_differences() {
    double[] p = randomValues();
    for (LossForm form : LossForm.values()) {
      check(x -> ContentLoss.compute(x, x.getManager().create(p, SHAPE), form));
    }
  }

  @Test
  void style_loss_gradients_match_finite_differences() {
    for (LossForm form : LossForm.values()) {
      NDArray target = GramMatrix.of(manager.create(randomValues(), SHAPE), form);
      check(x -> StyleLoss.layerError(x, target, form));
    }
  }

  @Test
  void total_variation_gradients_match_finite_differences() {
    // Random values are almost surely away from the kinks of |.|.
    check(x -> TotalVariationLoss.compute(x, TvForm.L1));
    check(x -> TotalVariationLoss.compute(x, TvForm.L2));
    check(x -> TotalVariationLoss.wrapped(x, TvForm.L1));
    check(x -> TotalVariationLoss.wrapped(x, TvForm.L2));
  }
}

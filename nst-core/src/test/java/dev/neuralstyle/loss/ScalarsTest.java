package dev.neuralstyle.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The factors of {@link Scalars} must still be there when backward runs after a garbage collection.
 * With DJL's {@code mul(Number)} in their place, every trial below gives NaN.
 */
class ScalarsTest {
  private static final int TRIALS = 5;

  @Test
  void a_factor_survives_a_garbage_collection_before_backward() throws InterruptedException {
    for (int t = 0; t < TRIALS; t++) {
      assertArrayEquals(
          new float[] {3, 3, 3, 3}, gradientAfterCollection(x -> Scalars.times(x, 3)), 0f);
    }
  }

  @Test
  void a_divisor_survives_a_garbage_collection_before_backward() throws InterruptedException {
    for (int t = 0; t < TRIALS; t++) {
      assertArrayEquals(
          new float[] {0.25f, 0.25f, 0.25f, 0.25f},
          gradientAfterCollection(x -> Scalars.dividedBy(x, 4)),
          0f);
    }
  }

  @Test
  void float64_arrays_keep_the_factor_in_double_precision() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new double[] {1.0});
      assertArrayEquals(new double[] {0.1}, Scalars.times(x, 0.1).toDoubleArray(), 0);
      assertArrayEquals(new double[] {1.0 / 3}, Scalars.dividedBy(x, 3).toDoubleArray(), 0);
    }
  }

  /**
   * d/dx sum(op(x)) at x = 1, with a collection between forward and backward and then many small
   * direct buffers full of NaN, which take over any memory the collection freed.
   */
  private static float[] gradientAfterCollection(UnaryOperator<NDArray> op)
      throws InterruptedException {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.ones(new Shape(4));
      x.setRequiresGradient(true);
      ByteBuffer[] filler = new ByteBuffer[2000];
      try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
        NDArray y = op.apply(x).sum();
        System.gc();
        Thread.sleep(20); // lets the cleaner thread free unreachable direct buffers
        for (int i = 0; i < filler.length; i++) {
          filler[i] =
              ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN);
        }
        c.backward(y);
      } finally {
        Reference.reachabilityFence(filler); // the filler holds the freed memory until backward
      }
      return x.getGradient().toFloatArray();
    }
  }
}

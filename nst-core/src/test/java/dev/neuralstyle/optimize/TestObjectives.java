package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Analytic objectives for optimiser tests. */
final class TestObjectives {
  private TestObjectives() {}

  /** f(x) = 1/2 sum_i d_i (x_i - c_i)^2 with diagonal d (ill-conditioned when d varies). */
  static Objective quadratic(float[] d, float[] c) {
    return (x, scratch) -> {
      NDArray dd = scratch.create(d, x.getShape());
      NDArray cc = scratch.create(c, x.getShape());
      NDArray diff = x.sub(cc);
      diff.attach(scratch);
      NDArray grad = dd.mul(diff);
      double f = 0.5 * grad.mul(diff).sum().getFloat();
      return new Evaluation(f, grad, null);
    };
  }

  /** The Rosenbrock function of (x, y): (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
  static Objective rosenbrock() {
    return (p, scratch) -> {
      double[] v = p.toDoubleArray();
      double x = v[0];
      double y = v[1];
      double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
      double gx = -2 * (1 - x) - 400 * x * (y - x * x);
      double gy = 200 * (y - x * x);
      NDArray g = scratch.create(new double[] {gx, gy}, new Shape(2));
      return new Evaluation(f, g, null);
    };
  }

  static double value(Objective o, NDArray x) {
    try (NDManager m = x.getManager().newSubManager()) {
      return o.evaluate(x, m).loss();
    }
  }
}

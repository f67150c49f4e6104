package dev.neuralstyle.optimize;

import java.util.function.DoubleFunction;

/**
 * A line search that finds a step length satisfying the strong Wolfe conditions (Nocedal and
 * Wright, "Numerical Optimization", 2nd ed., algorithms 3.5 and 3.6): sufficient decrease {@code
 * f(t) <= f(0) + c1 t f'(0)} and curvature {@code |f'(t)| <= c2 |f'(0)|}. Trial steps come from
 * cubic interpolation of the bracketing points, safeguarded towards bisection.
 */
final class StrongWolfeLineSearch {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final double MAX_EXTRAPOLATION = 10;

  private StrongWolfeLineSearch() {}

  /**
   * Searches along a descent direction.
   *
   * @param phi evaluates the objective at a step length
   * @param start the point at step 0 (its slope must be negative)
   * @param t0 the first trial step
   * @param maxEvaluations the budget of calls to {@code phi} (at least 1)
   * @param tolerance stop when the bracket is narrower than this in step length
   * @return the best point found; with the number of evaluations it used ({@link
   *     Result#evaluations()})
   */
  static Result search(
      DoubleFunction<LinePoint> phi,
      LinePoint start,
      double t0,
      int maxEvaluations,
      double tolerance) {
    double f0 = start.loss();
    double g0 = start.slope();
    LinePoint prev = start;
    LinePoint lo;
    LinePoint hi;
    double t = t0;
    int evals = 0;
    while (true) {
      LinePoint p = phi.apply(t);
      evals++;
      if (!Double.isFinite(p.loss())) {
        // A step into overflow: shrink towards the last good point.
        lo = prev;
        hi = p;
        break;
      }
      if (p.loss() > f0 + C1 * t * g0 || (evals > 1 && p.loss() >= prev.loss())) {
        lo = prev;
        hi = p;
        break;
      }
      if (Math.abs(p.slope()) <= -C2 * g0) {
        return new Result(p, evals);
      }
      if (p.slope() >= 0) {
        lo = p;
        hi = prev;
        break;
      }
      if (evals >= maxEvaluations) {
        return new Result(p, evals);
      }
      double low = t + 0.01 * (t - prev.t());
      double high = t * MAX_EXTRAPOLATION;
      double next = cubicMinimum(prev, p, low, high);
      prev = p;
      t = next;
    }
    // Zoom: lo always satisfies sufficient decrease and has the lowest loss seen in the bracket.
    while (evals < maxEvaluations && Math.abs(hi.t() - lo.t()) > tolerance) {
      double a = Math.min(lo.t(), hi.t());
      double b = Math.max(lo.t(), hi.t());
      double trial =
          Double.isFinite(hi.loss()) ? cubicMinimum(lo, hi, a, b) : 0.5 * (lo.t() + hi.t());
      double margin = 0.1 * (b - a);
      if (trial < a + margin || trial > b - margin) {
        trial = 0.5 * (a + b); // too close to an end: bisect to guarantee progress
      }
      LinePoint p = phi.apply(trial);
      evals++;
      if (!Double.isFinite(p.loss()) || p.loss() > f0 + C1 * trial * g0 || p.loss() >= lo.loss()) {
        hi = p;
      } else {
        if (Math.abs(p.slope()) <= -C2 * g0) {
          return new Result(p, evals);
        }
        if (p.slope() * (hi.t() - lo.t()) >= 0) {
          hi = lo;
        }
        lo = p;
      }
    }
    return new Result(lo, evals);
  }

  /**
   * The minimiser of the cubic through two points with their values and slopes, clamped to [low,
   * high]; the midpoint when the cubic has no minimum there.
   */
  static double cubicMinimum(LinePoint p1, LinePoint p2, double low, double high) {
    double x1 = p1.t();
    double x2 = p2.t();
    double d1 = p1.slope() + p2.slope() - 3 * (p1.loss() - p2.loss()) / (x1 - x2);
    double square = d1 * d1 - p1.slope() * p2.slope();
    if (square >= 0 && Double.isFinite(square)) {
      double d2 = Math.sqrt(square);
      double x;
      if (x1 <= x2) {
        x = x2 - (x2 - x1) * ((p2.slope() + d2 - d1) / (p2.slope() - p1.slope() + 2 * d2));
      } else {
        x = x1 - (x1 - x2) * ((p1.slope() + d2 - d1) / (p1.slope() - p2.slope() + 2 * d2));
      }
      if (Double.isFinite(x)) {
        return Math.min(Math.max(x, low), high);
      }
    }
    return 0.5 * (low + high);
  }

  /**
   * The accepted point and the number of evaluations used.
   *
   * @param point the accepted point
   * @param evaluations calls to phi
   */
  record Result(LinePoint point, int evaluations) {}
}

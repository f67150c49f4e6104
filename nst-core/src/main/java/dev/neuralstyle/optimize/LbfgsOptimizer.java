package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.neuralstyle.loss.LossBreakdown;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", algorithm 7.4 with the
 * two-loop recursion 7.5) with a strong-Wolfe line search, the optimiser Gatys et al. (2016) name
 * for style transfer. Curvature pairs with non-positive {@code y.s} are skipped, so the
 * inverse-Hessian estimate stays positive definite.
 */
public final class LbfgsOptimizer implements ImageOptimizer {
  private final NDManager manager;
  private final int historySize;
  private final double gradientTolerance;
  private final double changeTolerance;
  private final Deque<NDArray[]> history = new ArrayDeque<>();
  private final Deque<Double> rhos = new ArrayDeque<>();
  private NDArray x;
  private NDArray g;
  private double f;
  private LossBreakdown breakdown;
  private int evaluations;
  private int iterations;

  /**
   * Starts at a copy of {@code start}.
   *
   * @param historySize number of curvature pairs kept (jcjohnson: 100; crowsonkb: 10)
   * @param gradientTolerance stop when the largest gradient element falls to this
   * @param changeTolerance stop when a step changes the loss or the step length by less than this
   */
  public LbfgsOptimizer(
      NDArray start, int historySize, double gradientTolerance, double changeTolerance) {
    if (historySize < 1) {
      throw new IllegalArgumentException("historySize must be >= 1, found " + historySize);
    }
    this.manager = start.getManager().newSubManager();
    this.historySize = historySize;
    this.gradientTolerance = gradientTolerance;
    this.changeTolerance = changeTolerance;
    this.x = start.duplicate();
    this.x.attach(manager);
  }

  @Override
  public NDArray current() {
    return x;
  }

  @Override
  public StepOutcome step(Objective objective, int maxEvaluations) {
    int budget = Math.max(1, maxEvaluations);
    int used = 0;
    try (NDScope scope = new NDScope()) {
      if (g == null) {
        Evaluation e = evaluateInto(objective, x, manager);
        NDScope.unregister(e.gradient());
        g = e.gradient();
        f = e.loss();
        breakdown = e.breakdown();
        used++;
        if (used >= budget) {
          return new StepOutcome(f, breakdown, used, false);
        }
      }
      if (VectorOps.maxAbs(g) <= gradientTolerance) {
        return new StepOutcome(f, breakdown, used, true);
      }
      NDArray d = direction();
      double slope = VectorOps.dot(g, d);
      if (!(slope < 0)) {
        // Not a descent direction (numerical trouble): forget the history and go downhill.
        clearHistory();
        d = g.neg();
        slope = VectorOps.dot(g, d);
      }
      double t0 = iterations == 0 ? Math.min(1.0, 1.0 / VectorOps.sumAbs(g)) : 1.0;
      NDArray direction = d;
      LinePoint start = new LinePoint(0, f, g, slope, breakdown);
      StrongWolfeLineSearch.Result r =
          StrongWolfeLineSearch.search(
              t -> pointAt(objective, direction, t), start, t0, budget - used, 1e-9);
      used += r.evaluations();
      LinePoint p = r.point();
      double longer = Math.abs(f) / -slope;
      if (p.t() == 0 && t0 < 1 && longer > t0 && Double.isFinite(longer) && used < budget) {
        // The first step min(1, 1/|g|_1) ignores the loss's scale; when its predicted decrease
        // is below the resolution of the loss (bf16 features summed in fp32 resolve ~1e-5 of
        // it), no trial shows a decrease. That is not convergence: search again from the step
        // at which the linear model reaches zero loss (the losses are non-negative).
        r =
            StrongWolfeLineSearch.search(
                t -> pointAt(objective, direction, t), start, longer, budget - used, 1e-9);
        used += r.evaluations();
        p = r.point();
      }
      iterations++;
      if (p.t() == 0 || !Double.isFinite(p.loss())) {
        return new StepOutcome(f, breakdown, used, true);
      }
      NDArray s = ScopedArrays.keep(d.mul((float) p.t()), manager);
      NDArray y = ScopedArrays.keep(p.gradient().sub(g), manager);
      NDArray next = ScopedArrays.keep(x.add(s), manager); // the step s is t d, computed once
      double ys = VectorOps.dot(y, s);
      if (ys > 1e-10) {
        history.addLast(new NDArray[] {s, y});
        rhos.addLast(1.0 / ys);
        if (history.size() > historySize) {
          for (NDArray a : history.removeFirst()) {
            a.close();
          }
          rhos.removeFirst();
        }
      } else {
        s.close();
        y.close();
      }
      x.close();
      x = next;
      g.close();
      g = ScopedArrays.keep(p.gradient(), manager);
      double change = Math.abs(p.loss() - f);
      f = p.loss();
      breakdown = p.breakdown();
      boolean converged = change < changeTolerance * Math.max(1.0, Math.abs(f));
      return new StepOutcome(f, breakdown, used, converged);
    } finally {
      evaluations += used;
    }
  }

  /** Evaluates at {@code x + t d}, keeping only the gradient (in the current scope). */
  private LinePoint pointAt(Objective objective, NDArray d, double t) {
    NDArray xt = x.add(d.mul((float) t));
    Evaluation e = evaluateInto(objective, xt, manager);
    xt.close();
    return new LinePoint(t, e.loss(), e.gradient(), VectorOps.dot(e.gradient(), d), e.breakdown());
  }

  /**
   * Runs one evaluation in its own manager, so its intermediates are released at once, and moves
   * the gradient to {@code owner}.
   */
  private static Evaluation evaluateInto(Objective objective, NDArray at, NDManager owner) {
    try (NDManager evalManager = owner.newSubManager()) {
      Evaluation e = objective.evaluate(at, evalManager);
      e.gradient().attach(owner);
      return e;
    }
  }

  /** The two-loop recursion: d = -H g with H the L-BFGS inverse-Hessian estimate. */
  private NDArray direction() {
    NDArray q = g.neg();
    if (history.isEmpty()) {
      return q;
    }
    int k = history.size();
    double[] alpha = new double[k];
    Iterator<NDArray[]> pairs = history.descendingIterator();
    Iterator<Double> rho = rhos.descendingIterator();
    for (int i = k - 1; i >= 0; i--) {
      NDArray[] sy = pairs.next();
      double r = rho.next();
      alpha[i] = r * VectorOps.dot(sy[0], q);
      q.subi(sy[1].mul((float) alpha[i]));
    }
    NDArray[] last = history.getLast();
    double gamma = VectorOps.dot(last[0], last[1]) / VectorOps.dot(last[1], last[1]);
    q.muli((float) gamma);
    pairs = history.iterator();
    rho = rhos.iterator();
    for (int i = 0; i < k; i++) {
      NDArray[] sy = pairs.next();
      double r = rho.next();
      double beta = r * VectorOps.dot(sy[1], q);
      q.addi(sy[0].mul((float) (alpha[i] - beta)));
    }
    return q;
  }

  private void clearHistory() {
    for (NDArray[] pair : history) {
      for (NDArray a : pair) {
        a.close();
      }
    }
    history.clear();
    rhos.clear();
  }

  @Override
  public int evaluations() {
    return evaluations;
  }

  /** Completed L-BFGS iterations (line searches). */
  public int iterations() {
    return iterations;
  }

  @Override
  public void close() {
    manager.close();
  }
}

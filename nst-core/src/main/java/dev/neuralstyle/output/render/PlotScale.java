package dev.neuralstyle.output.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis arithmetic for {@link LossPlot}: a log-scale y range in whole decades and a linear x range
 * with "nice" tick steps (1, 2 or 5 times a power of ten).
 */
final class PlotScale {
  private PlotScale() {}

  /**
   * The decade exponents {@code {low, high}} covering all positive finite values, at least one
   * decade apart; {@code {0, 1}} when there are none.
   */
  static int[] decades(List<double[]> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : series) {
      for (double v : values) {
        if (plottable(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return new int[] {0, 1};
    }
    int low = (int) Math.floor(Math.log10(min));
    int high = (int) Math.ceil(Math.log10(max));
    return new int[] {low, Math.max(high, low + 1)};
  }

  /** Whether a value can be drawn on a log axis. */
  static boolean plottable(double v) {
    return v > 0 && Double.isFinite(v) && v >= Double.MIN_NORMAL;
  }

  /** The label of decade {@code exponent}, e.g. {@code 1e3} or {@code 1e-2}. */
  static String decadeLabel(int exponent) {
    return "1e" + exponent;
  }

  /** A step of 1, 2 or 5 times a power of ten near {@code range / maxTicks}, at least 1. */
  static double niceStep(double range, int maxTicks) {
    double raw = range / Math.max(1, maxTicks);
    if (!(raw > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * power;
    for (double factor : new double[] {1, 2, 5}) {
      if (factor * power >= raw) {
        step = factor * power;
        break;
      }
    }
    return Math.max(1, step);
  }

  /** The multiples of {@code step} in {@code [min, max]}. */
  static List<Double> ticks(double min, double max, double step) {
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) {
      ticks.add(t + 0.0); // no negative zero
    }
    return ticks;
  }

  /** Formats an iteration tick without a fraction when it is whole. */
  static String tickLabel(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import java.util.List;

/** Option checks whose messages name the flag, the rule and the value found. */
final class Checks {
  private Checks() {}

  static void required(Object value, String flag) {
    if (value == null) {
      throw new NstException("missing value for " + flag);
    }
  }

  static void range(long value, long min, long max, String flag) {
    if (value < min || value > max) {
      throw new NstException(
          "invalid value for " + flag + ": must be " + bounds(min, max) + ", found " + value);
    }
  }

  static void positiveFinite(double value, String flag) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new NstException(
          "invalid value for " + flag + ": must be a finite number > 0, found " + value);
    }
  }

  static void nonNegativeFinite(double value, String flag) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new NstException(
          "invalid value for " + flag + ": must be a finite number >= 0, found " + value);
    }
  }

  static void nonNegative(List<Double> values, String flag) {
    for (Double v : values) {
      if (v == null) {
        throw new NstException("invalid value for " + flag + ": empty entry");
      }
      nonNegativeFinite(v, flag);
    }
  }

  /** {@code v} in at most 6 significant digits ({@code 1e+09}, not a long row of digits). */
  static String shortNumber(double v) {
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6));
    return Math.abs(v) >= 1e7 || (v != 0 && Math.abs(v) < 1e-4)
        ? d.stripTrailingZeros().toString().replace("E+", "e").replace("E", "e")
        : d.stripTrailingZeros().toPlainString();
  }

  private static String bounds(long min, long max) {
    return max == Integer.MAX_VALUE || max == Long.MAX_VALUE
        ? ">= " + min
        : "between " + min + " and " + max;
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.SettingException;
import java.util.List;

/** Checks on one setting's value; they throw a {@link SettingException} naming its key. */
final class Checks {
  private Checks() {}

  static void required(Object value, String key) {
    if (value == null) {
      throw SettingException.missing(key);
    }
  }

  static void range(long value, long min, long max, String key) {
    if (value < min || value > max) {
      throw SettingException.mustBe(key, bounds(min, max), value);
    }
  }

  static void positiveFinite(double value, String key) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw SettingException.mustBe(key, "a finite number > 0", value);
    }
  }

  static void nonNegativeFinite(double value, String key) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw SettingException.mustBe(key, "a finite number >= 0", value);
    }
  }

  static void nonNegative(List<Double> values, String key) {
    for (Double v : values) {
      if (v == null) {
        throw SettingException.invalid(key, "empty entry");
      }
      nonNegativeFinite(v, key);
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

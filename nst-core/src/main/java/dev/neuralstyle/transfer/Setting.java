package dev.neuralstyle.transfer;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One setting of a style transfer, declared once in {@link Settings}: its key (the command-line
 * option without dashes, the web form field, the jobs-file column), the request field that holds it
 * (the run record's key), its type, default, a one-line description and its validation rule. The
 * CLI options, the web form, {@code /api/defaults}, the jobs file and run records are derived from
 * these entries.
 *
 * @param <T> the value's Java type
 * @param key e.g. {@code tv-weight}
 * @param field the {@link StyleTransferRequest} component, e.g. {@code tvWeight}
 * @param type how the value is parsed and formatted
 * @param defaultValue the value a new request builder holds (may be {@code null}: none)
 * @param description what the setting does, one line
 * @param rule the validation rule on the value alone (rules across settings stay in {@link
 *     StyleTransferRequest})
 * @param get reads the value from a builder
 * @param set writes the value to a builder
 * @param fronts where users set it
 */
public record Setting<T>(
    String key,
    String field,
    SettingType<T> type,
    T defaultValue,
    String description,
    Rule rule,
    Function<StyleTransferRequestBuilder, T> get,
    BiConsumer<StyleTransferRequestBuilder, T> set,
    Set<Front> fronts) {

  /** Where a setting can be set by users. */
  public enum Front {
    /**
     * An option of {@code neural-style transfer} (most in the options that {@code batch} and {@code
     * video} share).
     */
    CLI,
    /** A column of a batch jobs file. */
    JOBS,
    /** A field of the web form. */
    FORM
  }

  /** Copies the set; see the record comment. */
  public Setting {
    fronts = fronts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fronts));
  }

  /** Whether users set it at {@code front}. */
  public boolean in(Front front) {
    return fronts.contains(front);
  }

  /** Parses {@code text} and sets the value on {@code builder}. */
  public void parseInto(StyleTransferRequestBuilder builder, String text) {
    set.accept(builder, type.parse().apply(text));
  }

  /**
   * Sets a value already converted by a front end ({@code value} of {@link #type()}'s Java type, or
   * text to parse).
   */
  @SuppressWarnings("unchecked")
  public void setValue(StyleTransferRequestBuilder builder, Object value) {
    if (value instanceof String text && type.javaType() != String.class) {
      parseInto(builder, text);
    } else {
      set.accept(builder, (T) value);
    }
  }

  /** The builder's value as text ({@code null} when unset). */
  public String text(StyleTransferRequestBuilder builder) {
    return type.text(get.apply(builder));
  }

  /** {@code value}, of this setting's type, as text by the schema's wire names ({@code avg}). */
  @SuppressWarnings("unchecked")
  public String format(Object value) {
    return type.text((T) value);
  }

  /** The default as text ({@code null} when there is none). */
  public String defaultText() {
    return type.text(defaultValue);
  }

  /** Checks {@code value} against {@link #rule()}. */
  public void check(T value) {
    rule.check(value, key);
  }

  /** Puts the default into {@code builder}. */
  void reset(StyleTransferRequestBuilder builder) {
    set.accept(builder, defaultValue);
  }

  /**
   * A validation rule on one value; it fails with a {@link dev.neuralstyle.SettingException} naming
   * the key, the rule and the value found.
   */
  public enum Rule {
    /** Any value. */
    ANY("any value"),
    /** Not missing. */
    REQUIRED("required"),
    /** A finite number > 0. */
    POSITIVE("a finite number > 0"),
    /** A finite number >= 0. */
    NON_NEGATIVE("a finite number >= 0"),
    /** Each entry a finite number >= 0. */
    NON_NEGATIVE_EACH("each a finite number >= 0"),
    /** From 16 up to the largest side. */
    SIDE("between 16 and " + StyleTransferRequest.MAX_SIDE),
    /** 0, or up to the largest side. */
    SIDE_OR_ZERO("between 0 and " + StyleTransferRequest.MAX_SIDE),
    /** From 1 up to 10,000,000. */
    ITERATIONS("between 1 and 10000000"),
    /** From 1 up to 1000. */
    HISTORY("between 1 and 1000"),
    /** From 1 up to 100,000. */
    WINDOW("between 1 and 100000"),
    /** At least 0. */
    COUNT(">= 0"),
    /** At least 1. */
    AT_LEAST_ONE(">= 1"),
    /** In [0, 1). */
    FRACTION("in [0, 1)"),
    /** 0 (automatic), or a tile side. */
    TILE("0, or between " + TileGrid.MIN_TILE + " and 16384");

    private final String text;

    Rule(String text) {
      this.text = text;
    }

    /** The rule in words, as messages and documentation show it. */
    public String text() {
      return text;
    }

    @SuppressWarnings("unchecked")
    void check(Object value, String key) {
      switch (this) {
        case ANY -> {}
        case REQUIRED -> Checks.required(value, key);
        case POSITIVE -> Checks.positiveFinite((Double) value, key);
        case NON_NEGATIVE -> Checks.nonNegativeFinite((Double) value, key);
        case NON_NEGATIVE_EACH -> Checks.nonNegative((java.util.List<Double>) value, key);
        case SIDE -> Checks.range((Integer) value, 16, StyleTransferRequest.MAX_SIDE, key);
        case SIDE_OR_ZERO -> Checks.range((Integer) value, 0, StyleTransferRequest.MAX_SIDE, key);
        case ITERATIONS -> Checks.range((Integer) value, 1, 10_000_000, key);
        case HISTORY -> Checks.range((Integer) value, 1, 1000, key);
        case WINDOW -> Checks.range((Integer) value, 1, 100_000, key);
        case COUNT -> Checks.range(((Number) value).longValue(), 0, Integer.MAX_VALUE, key);
        case AT_LEAST_ONE -> Checks.range(((Number) value).longValue(), 1, Long.MAX_VALUE, key);
        case TILE -> {
          if ((Integer) value != 0) {
            Checks.range((Integer) value, TileGrid.MIN_TILE, 16384, key);
          }
        }
        case FRACTION -> {
          double v = (Double) value;
          if (!(v >= 0 && v < 1)) {
            throw dev.neuralstyle.SettingException.mustBe(key, "in [0, 1)", value);
          }
        }
      }
    }
  }
}

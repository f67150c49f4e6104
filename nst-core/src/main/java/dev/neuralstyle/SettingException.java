package dev.neuralstyle;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A setting's value breaks a rule: the exception carries the keys of the settings at fault ({@code
 * tv-weight}; two for a rule across settings), the rule in words and the value found, so that each
 * front end names the setting its own way without reading the message: the command line as {@code
 * --tv-weight} ("invalid value for --tv-weight: must be a finite number >= 0, found -1.0"), the web
 * app as the form field {@code tv-weight} with the reason beside it. The rule may refer to other
 * settings as {@code {key}} (see {@link KeyText}).
 */
public final class SettingException extends NstException {
  private static final long serialVersionUID = 1L;

  private final List<String> keys;
  private final String aspect;
  private final String rule;
  private final String found;
  private final boolean missing;

  private SettingException(
      boolean missing, List<String> keys, String aspect, String rule, String found) {
    super(compose(missing, keys, aspect, rule, found, UnaryOperator.identity()));
    this.missing = missing;
    this.keys = List.copyOf(keys);
    this.aspect = aspect;
    this.rule = rule;
    this.found = found;
  }

  /** {@code invalid value for {key}: must be RULE, found VALUE}. */
  public static SettingException mustBe(String key, String rule, Object found) {
    return new SettingException(
        false, List.of(key), null, "must be " + rule, String.valueOf(found));
  }

  /** {@code invalid value for {key}: REASON} (the reason may show the value itself). */
  public static SettingException invalid(String key, String reason) {
    return new SettingException(false, List.of(key), null, reason, null);
  }

  /** {@code invalid value for {key}: REASON, found VALUE}. */
  public static SettingException invalid(String key, String reason, Object found) {
    return new SettingException(false, List.of(key), null, reason, String.valueOf(found));
  }

  /** {@code invalid value for {a}/{b}: REASON}: a rule across settings. */
  public static SettingException invalid(List<String> keys, String reason, Object found) {
    return new SettingException(
        false, keys, null, reason, found == null ? null : String.valueOf(found));
  }

  /**
   * {@code invalid value for {key} ASPECT: REASON, found VALUE}: a rule on one part of the value
   * ({@code init} blend ratio).
   */
  public static SettingException invalidPart(
      String key, String aspect, String reason, Object found) {
    return new SettingException(false, List.of(key), aspect, reason, String.valueOf(found));
  }

  /** {@code missing value for {key}}. */
  public static SettingException missing(String key) {
    return new SettingException(true, List.of(key), null, null, null);
  }

  /** {@code missing value for {key}: REASON}. */
  public static SettingException missing(String key, String reason) {
    return new SettingException(true, List.of(key), null, reason, null);
  }

  /** The keys of the settings at fault, e.g. {@code [tv-weight]}. */
  public List<String> keys() {
    return keys;
  }

  /** Whether the value is missing (rather than invalid). */
  public boolean isMissing() {
    return missing;
  }

  /** The rule in words ({@code must be >= 0}; {@code null} when there is none), unrendered. */
  public String rule() {
    return rule;
  }

  /** The value found as text, or {@code null} when the rule shows it or there is none. */
  public String found() {
    return found;
  }

  /**
   * What is wrong without the subject, settings named by {@code name}: {@code must be >= 0, found
   * -1.0} (what a form shows next to the field); {@code missing value} when there is no rule.
   */
  public String reason(UnaryOperator<String> name) {
    if (rule == null) {
      return missing ? "missing value" : "invalid value";
    }
    return KeyText.render(rule, name) + (found == null ? "" : ", found " + found);
  }

  @Override
  public String message(UnaryOperator<String> name) {
    return compose(missing, keys, aspect, rule, found, name);
  }

  private static String compose(
      boolean missing,
      List<String> keys,
      String aspect,
      String rule,
      String found,
      UnaryOperator<String> name) {
    StringBuilder t = new StringBuilder(missing ? "missing value for " : "invalid value for ");
    for (int i = 0; i < keys.size(); i++) {
      t.append(i == 0 ? "" : "/").append(name.apply(keys.get(i)));
    }
    if (aspect != null) {
      t.append(' ').append(aspect);
    }
    if (rule != null) {
      t.append(": ").append(KeyText.render(rule, name));
      if (found != null) {
        t.append(", found ").append(found);
      }
    }
    return t.toString();
  }
}

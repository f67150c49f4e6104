package dev.neuralstyle;

import java.util.function.UnaryOperator;

/**
 * A problem with the user's input or environment that the library reports instead of failing with a
 * stack trace: a missing or corrupt file, an invalid setting, a layer the weights do not have.
 *
 * <p>The message is one line meant for a person: it names the file, setting or tensor, the rule
 * that was broken and the value that was found. The library does not speak any front end's dialect:
 * a message built with {@link #mentioning} refers to settings and options by key, written {@code
 * {key}} ({@link KeyText}), and each front end renders them its own way with {@link
 * #message(UnaryOperator)} (the command line as {@code --tv-weight}, the web form as the field
 * {@code tv-weight}). {@link #getMessage()} shows the bare key. Problems with one setting's value
 * are {@link SettingException}s, which also carry the keys, the rule and the value found.
 */
public class NstException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message with {@code {key}} references, or {@code null} for a plain message. */
  private final String template;

  /** Creates an exception with a one-line, user-facing message (taken as it is). */
  public NstException(String message) {
    this(message, null, false);
  }

  /** Creates an exception with a one-line, user-facing message (taken as it is) and its cause. */
  public NstException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private NstException(String text, Throwable cause, boolean template) {
    super(template ? KeyText.render(text, UnaryOperator.identity()) : text, cause);
    this.template = template ? text : null;
  }

  /**
   * An exception whose message refers to settings or options as {@code {key}} ({@code "use a
   * smaller {size}"}); front ends render the references with {@link #message(UnaryOperator)}.
   */
  public static NstException mentioning(String template) {
    return new NstException(template, null, true);
  }

  /** As {@link #mentioning(String)}, with the cause. */
  public static NstException mentioning(String template, Throwable cause) {
    return new NstException(template, cause, true);
  }

  /**
   * The message with every setting or option reference written as {@code name} gives it (a command
   * line puts two dashes before the key, a form uses the key as the field name).
   */
  public String message(UnaryOperator<String> name) {
    return template == null ? getMessage() : KeyText.render(template, name);
  }
}

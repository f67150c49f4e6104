package dev.neuralstyle;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for people that refers to settings and options by key, written {@code {key}} ({@code "use a
 * smaller {size}"}): messages ({@link NstException#mentioning}) and setting descriptions. The
 * library never writes a front end's spelling; each front end renders the references its own way
 * (the command line as {@code --size}, the web form as the field name {@code size}).
 */
public final class KeyText {
  private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9]*(?:-[a-z0-9]+)*)}");

  private KeyText() {}

  /** {@code text} with each {@code {key}} replaced by {@code name.apply(key)}. */
  public static String render(String text, UnaryOperator<String> name) {
    if (text == null || text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(name.apply(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  /** {@code text} with each reference written as the bare key ({@code size}). */
  public static String plain(String text) {
    return render(text, UnaryOperator.identity());
  }
}

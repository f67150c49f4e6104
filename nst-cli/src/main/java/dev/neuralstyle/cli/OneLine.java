package dev.neuralstyle.cli;

/**
 * The one shape of every error line: one line (line breaks and control characters, ANSI escapes
 * included, shown as {@code \\uXXXX}), no word longer than {@value #MAX_WORD} characters (a
 * 600-digit number or a 300-character name is cut with its length given), at most {@value
 * #MAX_LINE} characters in all.
 */
final class OneLine {
  static final int MAX_WORD = 64;
  static final int MAX_LINE = 600;

  private OneLine() {}

  static String of(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected failure";
    }
    StringBuilder out = new StringBuilder();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        flush(word, out);
        out.append(' ');
      } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        word.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (c == ' ' || c == '\'' || c == '"') {
        flush(word, out); // quotes are not part of the word they enclose
        out.append(c);
      } else {
        word.append(c);
      }
    }
    flush(word, out);
    String line = out.toString().replaceAll(" {2,}", " ").trim();
    return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
  }

  private static void flush(StringBuilder word, StringBuilder out) {
    if (word.length() > MAX_WORD) {
      out.append(word, 0, 24).append("…(").append(word.length()).append(" characters)");
    } else {
      out.append(word);
    }
    word.setLength(0);
  }
}

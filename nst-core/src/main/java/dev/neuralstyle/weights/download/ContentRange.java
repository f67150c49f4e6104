package dev.neuralstyle.weights.download;

import java.net.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code Content-Range} header of a 206 or 416 response (RFC 9110 section 14.4). */
final class ContentRange {
  private static final Pattern RANGE =
      Pattern.compile(
          "bytes\\s+(?:(\\d{1,18})-(\\d{1,18})|\\*)/(\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);

  private ContentRange() {}

  /** The first byte position of the range, or -1 if absent or unparseable. */
  static long start(HttpHeaders headers) {
    Matcher m = match(headers);
    return m != null && m.group(1) != null ? Long.parseLong(m.group(1)) : -1;
  }

  /** The complete length of the file, or -1 if absent, unknown ({@code *}) or unparseable. */
  static long total(HttpHeaders headers) {
    Matcher m = match(headers);
    return m != null && !m.group(3).equals("*") ? Long.parseLong(m.group(3)) : -1;
  }

  private static Matcher match(HttpHeaders headers) {
    String value = headers.firstValue("Content-Range").orElse("");
    Matcher m = RANGE.matcher(value.trim());
    return m.matches() ? m : null;
  }
}

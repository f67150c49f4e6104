package dev.neuralstyle.output.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neuralstyle.NstException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Strict reading of run-record values: a field must hold the JSON type it was written with (no
 * string for a number, no fraction or out-of-range number for an integer), so a damaged or edited
 * record is refused with a message naming the field, the rule and the value, never truncated into
 * something else.
 */
final class RecordValues {
  private RecordValues() {}

  static int integer(JsonNode n, String field, int min, int max) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw wrong(field, "an integer", n);
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw new NstException(
          "field '" + field + "' must be between " + min + " and " + max + ", found " + show(n));
    }
    return (int) v;
  }

  static long integer64(JsonNode n, String field) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw wrong(field, "an integer", n);
    }
    return n.asLong();
  }

  static double number(JsonNode n, String field) {
    if (n == null || !n.isNumber()) {
      throw wrong(field, "a number", n);
    }
    return n.asDouble();
  }

  static boolean bool(JsonNode n, String field) {
    if (n == null || !n.isBoolean()) {
      throw wrong(field, "true or false", n);
    }
    return n.asBoolean();
  }

  static String text(JsonNode n, String field) {
    if (n == null || !n.isTextual()) {
      throw wrong(field, "a string", n);
    }
    return n.asText();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object enumValue(Class<?> c, JsonNode n, String field) {
    String text = text(n, field);
    for (Object constant : c.getEnumConstants()) {
      if (((Enum) constant).name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw new NstException(
        "field '"
            + field
            + "' must be one of "
            + Arrays.stream(c.getEnumConstants())
                .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                .toList()
            + ", found "
            + show(n));
  }

  private static NstException wrong(String field, String expected, JsonNode n) {
    return new NstException(
        "field '"
            + field
            + "' must be "
            + expected
            + ", found "
            + (n == null ? "nothing" : show(n)));
  }

  /** The value as a short text: at most 40 characters. */
  static String show(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}

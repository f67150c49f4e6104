package dev.neuralstyle.web;

import dev.neuralstyle.SettingException;
import dev.neuralstyle.web.FormException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where the library's problems become form fields. A {@link SettingException} names
 * the settings at fault by key, and the form's fields are named by those keys, so each key that is
 * a field gets the reason ({@code must be >= 0, found -1.0}); any other setting the reason mentions
 * is written as its key. Nothing is read back out of message text.
 */
final class CoreMessages {
  /** Settings whose form field has another name (the images are uploads, not option fields). */
  private static final Map<String, String> RENAMED =
      Map.of("content", "content", "style", "style", "width", "size", "height", "size");

  private CoreMessages() {}

  /**
   * The fields a library problem is about, each with the reason.
   *
   * @param e a problem the library reported (any other exception: its message as it is)
   * @param fallback the field to blame when the problem names no form field
   */
  static List<FieldError> errors(RuntimeException e, String fallback) {
    if (e instanceof SettingException s) {
      List<FieldError> errors = new ArrayList<>();
      String reason = s.reason(key -> key);
      for (String key : s.keys()) {
        String field = field(key);
        if (field != null && errors.stream().noneMatch(f -> f.field().equals(field))) {
          errors.add(new FieldError(field, reason));
        }
      }
      if (!errors.isEmpty()) {
        return errors;
      }
    }
    String message = e.getMessage();
    return List.of(new FieldError(fallback, message == null ? "invalid value" : message));
  }

  /** The form field of setting {@code key}, or {@code null} when the form has none. */
  static String field(String key) {
    if (RENAMED.containsKey(key)) {
      return RENAMED.get(key);
    }
    return FormFields.isField(key) ? key : null;
  }
}

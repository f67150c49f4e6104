package dev.neuralstyle.web;

import dev.neuralstyle.web.FormException.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one place where the library's option wording becomes form fields. The library names the
 * command-line option in its messages ({@code invalid value for --tv-weight: must be >= 0, found
 * -1}); the form's fields are named like those options without the dashes, so the option in the
 * message's subject gives the field key, the rest of the message is the reason shown at the field,
 * and any other option the reason mentions loses its dashes.
 */
final class CoreMessages {
  private static final List<String> SUBJECTS = List.of("invalid value for ", "missing value for ");

  /** Options whose form field has another name (the images are uploads, not option fields). */
  private static final Map<String, String> RENAMED =
      Map.of("content", "content", "style", "style", "width", "size", "height", "size");

  private CoreMessages() {}

  /**
   * The fields a library message is about, each with the reason.
   *
   * @param message a library message
   * @param fallback the field to blame when the message names no form field
   */
  static List<FieldError> errors(String message, String fallback) {
    String text = message == null ? "invalid value" : message;
    for (String subject : SUBJECTS) {
      int colon = text.indexOf(": ");
      if (!text.startsWith(subject) || colon < 0) {
        continue;
      }
      List<FieldError> errors = new ArrayList<>();
      String reason = readable(text.substring(colon + 2));
      for (String option : text.substring(subject.length(), colon).split("/")) {
        String field = field(option);
        if (field != null && errors.stream().noneMatch(e -> e.field().equals(field))) {
          errors.add(new FieldError(field, reason));
        }
      }
      if (!errors.isEmpty()) {
        return errors;
      }
    }
    return List.of(new FieldError(fallback, readable(text)));
  }

  /** The field of {@code --name} (or {@code --name and more words}), or {@code null}. */
  static String field(String option) {
    if (!option.startsWith("--")) {
      return null;
    }
    String name = option.substring(2);
    int space = name.indexOf(' ');
    name = space < 0 ? name : name.substring(0, space);
    if (RENAMED.containsKey(name)) {
      return RENAMED.get(name);
    }
    return FormFields.isField(name) ? name : null;
  }

  /** {@code text} with every form field's option written as the field's key. */
  static String readable(String text) {
    List<String> names = new ArrayList<>(FormFields.names());
    names.sort(Comparator.comparingInt(String::length).reversed()); // --style-layers before --style
    String out = text;
    for (String name : names) {
      out = out.replace("--" + name, name);
    }
    return out;
  }
}

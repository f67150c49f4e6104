package dev.neuralstyle.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One or more rejected form fields or uploads; the API answers 400 with {@code {"field": …,
 * "error": …, "errors": [{"field": …, "error": …}, …]}} (the first error also at the top level).
 */
public final class FormException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  /**
   * @param field the form field, as the client named it (e.g. {@code size}, {@code style})
   * @param reason what is wrong, with the rule and the value found
   */
  public FormException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  /**
   * @param errors every rejected field, at least one; a field named again keeps only its first
   *     reason (a later one may stem from the first, e.g. a default checked in place of a value
   *     that did not parse)
   */
  public FormException(List<FieldError> errors) {
    super(errors.get(0).message());
    Map<String, FieldError> first = new LinkedHashMap<>();
    for (FieldError e : errors) {
      first.putIfAbsent(e.field(), e);
    }
    this.errors = List.copyOf(first.values());
  }

  /** The first offending field. */
  public String field() {
    return errors.get(0).field();
  }

  /** Every rejected field with its reason. */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * One rejected field.
   *
   * @param field the field's key ({@code size}, {@code style-layers}, {@code content}, …)
   * @param message what is wrong, without the field's name (the page shows its label)
   */
  public record FieldError(String field, String message) {}
}

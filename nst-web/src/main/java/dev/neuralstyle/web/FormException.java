package dev.neuralstyle.web;

/** A rejected form field or upload; the API answers 400 with {@code {"field": …, "error": …}}. */
public final class FormException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the form field, as the client named it (e.g. {@code size}, {@code style})
   * @param reason what is wrong, with the rule and the value found
   */
  public FormException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  /** The offending field. */
  public String field() {
    return field;
  }
}

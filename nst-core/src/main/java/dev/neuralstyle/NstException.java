package dev.neuralstyle;

/**
 * A problem with the user's input or environment that the library reports instead of failing with a
 * stack trace: a missing or corrupt file, an invalid option, a layer the weights do not have.
 *
 * <p>The message is one line meant for a person: it names the file, flag or tensor, the rule that
 * was broken and the value that was found. Front ends print it as it is.
 */
public class NstException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a one-line, user-facing message. */
  public NstException(String message) {
    super(message);
  }

  /** Creates an exception with a one-line, user-facing message and its cause. */
  public NstException(String message, Throwable cause) {
    super(message, cause);
  }
}

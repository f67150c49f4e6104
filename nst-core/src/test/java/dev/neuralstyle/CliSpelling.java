package dev.neuralstyle;

/**
 * Library messages as the command line shows them ({@code {key}} as {@code --key}), so that tests
 * can assert the exact text users see.
 */
public final class CliSpelling {
  private CliSpelling() {}

  /** {@code e}'s message with keys written as command-line options. */
  public static String cli(Throwable e) {
    return e instanceof NstException n ? n.message(k -> "--" + k) : e.getMessage();
  }
}

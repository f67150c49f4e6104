package dev.neuralstyle.cli;

import dev.neuralstyle.KeyText;
import dev.neuralstyle.NstException;

/**
 * The command line's spelling of the library's keys: a setting or option key {@code tv-weight} is
 * the option {@code --tv-weight}. Library messages and setting descriptions name keys ({@link
 * KeyText}); everything the CLI shows of them goes through here.
 */
final class CliText {
  private CliText() {}

  /** The option of {@code key}: {@code --key}. */
  static String option(String key) {
    return "--" + key;
  }

  /** {@code e}'s message as the command line shows it (keys as options). */
  static String of(Throwable e) {
    return e instanceof NstException n ? n.message(CliText::option) : e.getMessage();
  }

  /** {@code text} with its {@code {key}} references written as options. */
  static String render(String text) {
    return KeyText.render(text, CliText::option);
  }
}

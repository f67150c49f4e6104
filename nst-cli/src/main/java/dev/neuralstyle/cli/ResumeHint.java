package dev.neuralstyle.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line that continues a transfer stopped with Ctrl-C (or SIGTERM): the arguments it was
 * started with, ready to paste into a shell, with {@code --resume} pointing at what the stopped run
 * wrote. Options given again on the command line equal the recorded ones, so the continued run is
 * the same run.
 */
final class ResumeHint {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ResumeHint() {}

  /**
   * The command that continues the run.
   *
   * @param args every argument the program got, the subcommand included ({@code transfer ...})
   * @param from the run record, or the last snapshot when no record was written
   * @return {@code neural-style transfer ... --resume FROM}, quoted for a POSIX shell
   */
  static String command(List<String> args, Path from) {
    List<String> words = new ArrayList<>(List.of("neural-style"));
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--resume") || a.equals("--init")) {
        i++; // and its value: the resumed run starts from its own image
      } else if (!a.startsWith("--resume=") && !a.startsWith("--init=")) {
        words.add(a);
      }
    }
    words.add("--resume");
    words.add(from.toString());
    return String.join(" ", words.stream().map(ResumeHint::quote).toList());
  }

  /** {@code word} as one shell word: unchanged when plain, else in single quotes. */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}

package dev.neuralstyle.cli;

import java.io.Console;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Where a command writes: results to {@code out}, progress and errors to {@code err} (picocli's
 * writers, so tests can capture them), and whether {@code err} is a terminal that can redraw a
 * progress bar in place.
 *
 * @param out results and summaries
 * @param err progress and errors
 * @param interactive whether a live progress bar may be drawn with carriage returns
 */
record Streams(PrintWriter out, PrintWriter err, boolean interactive) {
  /** The command line's writers; interactive when the JVM's console is a terminal. */
  static Streams of(CommandLine cmd) {
    return new Streams(cmd.getOut(), cmd.getErr(), isTerminal(System.console()));
  }

  /**
   * Up to JDK 21 the JVM has a console only when it runs on a terminal; from JDK 22 on it always
   * has one, and {@code Console.isTerminal()} (absent from the Java 17 API, hence reflection)
   * tells.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

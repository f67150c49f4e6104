package dev.neuralstyle.cli;

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
  /** The command line's writers; interactive when the JVM has a console. */
  static Streams of(CommandLine cmd) {
    return new Streams(cmd.getOut(), cmd.getErr(), System.console() != null);
  }
}

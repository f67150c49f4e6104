package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on the error stream and an exit code: usage errors (a bad option
 * value, found by picocli or by an options record) exit with 2, failures while working ({@link
 * NstException}: a missing file, absent weights, ...) with 1. Stack traces only with --verbose.
 *
 * <p>Differs from picocli's default, which prints the whole usage text after a usage error: the
 * transfer command has dozens of options, which would bury the one line that matters; a hint to
 * {@code --help} follows instead.
 */
final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + OneLine.of(ex.getMessage()));
    if (ex.getCause() != null && argsAskForVerbose(args)) {
      ex.printStackTrace(err);
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof ParameterException pe) {
      return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
    }
    boolean verbose = argsAskForVerbose(parseResult.originalArgs().toArray(String[]::new));
    if (ex instanceof NstException) {
      err.println("error: " + OneLine.of(CliText.of(ex)));
    } else {
      // A bug or an unforeseen environment problem: still one line, without a class name.
      err.println(
          "error: internal error: "
              + OneLine.of(ex.getMessage())
              + (verbose ? "" : " (run with --verbose for details)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  private static boolean argsAskForVerbose(String[] args) {
    for (String a : args) {
      if ("--".equals(a)) {
        return false;
      }
      if ("--verbose".equals(a)) {
        return true;
      }
    }
    return false;
  }
}

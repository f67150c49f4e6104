package dev.neuralstyle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command in-process with captured output and a given environment. */
final class Cli {
  /**
   * The outcome of one run.
   *
   * @param exitCode what {@code execute} returned
   * @param out everything written to the output stream
   * @param err everything written to the error stream
   */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  private Cli() {}

  /** Runs with an empty environment. */
  static Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs with {@code env} as the environment. */
  static Result run(Map<String, String> env, String... args) {
    CommandLine cmd = NeuralStyleCommand.commandLine(new NeuralStyleCommand(env));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The parsed, validated options of a transfer command line (nothing is run). */
  static TransferOptions transferOptions(String... args) {
    NeuralStyleCommand root = new NeuralStyleCommand(Map.of());
    CommandLine cmd = NeuralStyleCommand.commandLine(root);
    String[] all = new String[args.length + 1];
    all[0] = "transfer";
    System.arraycopy(args, 0, all, 1, args.length);
    CommandLine.ParseResult parsed = cmd.parseArgs(all);
    TransferCommand transfer = (TransferCommand) parsed.subcommand().commandSpec().userObject();
    return transfer.options();
  }
}

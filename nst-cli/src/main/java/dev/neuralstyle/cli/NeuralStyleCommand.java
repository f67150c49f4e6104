package dev.neuralstyle.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code neural-style} command: global options and the subcommands. */
@Command(
    name = "neural-style",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Neural style transfer after Gatys, Ecker and Bethge (arXiv 1508.06576) on DJL + PyTorch.",
      "",
      "Exit codes: 0 success, 1 failure (bad file, missing weights, ...), 2 usage error."
    },
    subcommands = {
      TransferCommand.class,
      VideoCommand.class,
      BatchCommand.class,
      ReproduceCommand.class,
      TextureCommand.class,
      ServeCommand.class,
      WeightsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class NeuralStyleCommand implements Runnable {
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors and more detail.")
  boolean verbose;

  @Spec CommandSpec spec;

  private final Map<String, String> env;

  /** A command that reads the process environment. */
  public NeuralStyleCommand() {
    this(System.getenv());
  }

  /** A command that reads {@code env} instead of the process environment (for tests). */
  public NeuralStyleCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** A command line with this project's error handling, reading the process environment. */
  public static CommandLine commandLine() {
    return commandLine(new NeuralStyleCommand());
  }

  /**
   * A command line for {@code command} with one-line error messages: usage errors exit with 2 and
   * name the option, failures exit with 1 ({@code error: ...}, stack trace only with --verbose).
   */
  public static CommandLine commandLine(NeuralStyleCommand command) {
    CliErrorHandler errors = new CliErrorHandler();
    return new CommandLine(command)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /** The environment variables the commands consult. */
  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: use 'transfer', 'batch', 'video', 'reproduce', 'texture', 'serve' or"
            + " 'weights'"
            + " (see --help)");
  }
}

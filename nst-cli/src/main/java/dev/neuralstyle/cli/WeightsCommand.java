package dev.neuralstyle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neural-style weights}: download, verify, inspect and list VGG weight files. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Download, verify, inspect and list VGG weight files.",
    subcommands = {
      WeightsDownloadCommand.class,
      WeightsVerifyCommand.class,
      WeightsInfoCommand.class,
      WeightsListCommand.class
    })
public final class WeightsCommand implements Runnable {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: use download, verify, info or list (see --help)");
  }
}

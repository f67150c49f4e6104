package dev.neuralstyle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code neural-style reproduce}: the paper's figures as labelled grids, one subcommand each. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Remake the figures of Gatys, Ecker and Bethge (arXiv 1508.06576) as labelled grids (PNG);"
          + " every tile is also saved alone with its run record. See docs/REPRODUCTION.md.",
      ""
    },
    subcommands = {ContentLayersCommand.class, StyleLayersCommand.class, StylesCommand.class})
public final class ReproduceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: use 'content-layers', 'style-layers' or 'styles' (see --help)");
  }
}

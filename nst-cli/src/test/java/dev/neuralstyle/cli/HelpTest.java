package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpTest {
  @Test
  void transfer_help_lists_every_option_with_its_default() {
    Cli.Result r = Cli.run("transfer", "--help");
    assertEquals(0, r.exitCode(), r::toString);
    String help = r.out().replaceAll("\\s+", " ");
    CommandLine transfer = NeuralStyleCommand.commandLine().getSubcommands().get("transfer");
    for (OptionSpec option : transfer.getCommandSpec().options()) {
      if (option.hidden()) {
        continue;
      }
      String name = option.longestName().replaceFirst("^--", "");
      assertTrue(help.contains(name), "help lacks " + option.longestName());
    }
    Map<String, String> defaults = new DefaultValues().all();
    for (Map.Entry<String, String> d : defaults.entrySet()) {
      OptionSpec option = transfer.getCommandSpec().findOption(d.getKey());
      assertTrue(option != null, "default for unknown option " + d.getKey());
      assertTrue(
          help.contains("Default: " + d.getValue()),
          "help lacks 'Default: " + d.getValue() + "' for " + d.getKey() + "\n" + r.out());
    }
    // A sample of the library's defaults, spelled out.
    assertTrue(help.contains("--content-layers=L[,L...] Layers for the content loss"), help);
    assertTrue(help.contains("Default: relu1_1,relu2_1,relu3_1,relu4_1,relu5_1"), help);
    assertTrue(help.contains("Default: lbfgs"), help);
    assertTrue(help.contains("Default: out.png"), help);
  }

  @Test
  void every_command_has_help() {
    for (String[] args :
        new String[][] {
          {"--help"},
          {"weights", "--help"},
          {"weights", "download", "--help"},
          {"weights", "verify", "--help"},
          {"weights", "info", "--help"},
          {"weights", "list", "--help"}
        }) {
      Cli.Result r = Cli.run(args);
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.out().startsWith("Usage: neural-style"), r::toString);
    }
  }

  @Test
  void version_names_the_tool_djl_and_java() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("neural-style "), r.out());
    assertTrue(r.out().contains("DJL 0."), r.out());
    assertTrue(r.out().contains("Java "), r.out());
  }

  @Test
  void no_command_is_a_usage_error() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: missing command"), r.err());
  }

  @Test
  void unknown_option_is_a_usage_error_with_one_error_line() {
    Cli.Result r = Cli.run("transfer", "--content", "a.jpg", "--style", "b.jpg", "--colour", "x");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: Unknown options: '--colour', 'x'"), r.err());
    assertEquals(2, r.err().lines().count(), r.err());
  }
}

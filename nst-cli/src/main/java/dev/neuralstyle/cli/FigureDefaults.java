package dev.neuralstyle.cli;

import dev.neuralstyle.reproduce.FigureSettings;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the {@code reproduce} subcommands and of {@code texture}, read from {@link
 * FigureSettings#defaults()} so that picocli shows them in {@code --help}; the default {@code
 * --output} is named after the command ({@code reproduce-content-layers.png}, {@code texture.png}).
 */
final class FigureDefaults implements IDefaultValueProvider {
  private final Map<String, String> values;

  FigureDefaults() {
    FigureSettings d = FigureSettings.defaults();
    values =
        Map.of(
            "--model", d.model().cliName(),
            "--pooling", d.pooling().cliName(),
            "--size", String.valueOf(d.size()),
            "--iterations", String.valueOf(d.iterations()),
            "--seed", String.valueOf(d.seed()),
            "--device", d.device().describe());
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    if ("--output".equals(option.longestName())) {
      return option.command() == null ? null : output(option.command());
    }
    return values.get(option.longestName());
  }

  /** The default output of {@code command}: its qualified name without the tool, dashed, .png. */
  static String output(CommandSpec command) {
    String name = command.qualifiedName("-");
    String tool = command.root().name() + "-";
    return (name.startsWith(tool) ? name.substring(tool.length()) : name) + ".png";
  }

  /** Option name to default value (without --output), for tests. */
  Map<String, String> all() {
    return values;
  }
}

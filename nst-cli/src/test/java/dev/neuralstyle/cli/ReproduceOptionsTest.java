package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help, defaults and one-line errors of the figure commands; nothing here runs an optimisation. */
class ReproduceOptionsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "reproduce content-layers, reproduce-content-layers.png",
    "reproduce style-layers, reproduce-style-layers.png",
    "reproduce styles, reproduce-styles.png",
    "texture, texture.png"
  })
  void help_lists_every_option_with_the_figure_defaults(String command, String output) {
    String[] words = command.split(" ");
    Cli.Result r = Cli.run(append(words, "--help"));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("Usage: neural-style " + command), r::toString);
    String help = r.out().replaceAll("\\s+", " ");
    CommandLine cmd = NeuralStyleCommand.commandLine();
    for (String word : words) {
      cmd = cmd.getSubcommands().get(word);
    }
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      String name = option.longestName();
      boolean shown =
          help.contains(name)
              || (option.negatable() && help.contains("--[no-]" + name.substring(2)));
      assertTrue(shown, "help lacks " + name);
    }
    for (Map.Entry<String, String> d : new FigureDefaults().all().entrySet()) {
      assertTrue(help.contains(d.getKey() + "="), "help lacks " + d.getKey());
      assertTrue(help.contains("Default: " + d.getValue()), "help lacks default of " + d.getKey());
    }
    assertTrue(help.contains("Default: 512"), help);
    assertTrue(help.contains("Default: " + output), help);
  }

  @Test
  void reproduce_without_a_figure_is_a_usage_error() {
    Cli.Result r = Cli.run("reproduce");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: missing command: use 'content-layers'"), r.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e-3,abc | error: Invalid value for option '--ratios'",
        "1e-3,-1e-2 | error: invalid value for --ratios: must be numbers > 0, found -0.01",
        "0 | error: invalid value for --ratios: must be numbers > 0, found 0.0"
      })
  void bad_ratios_give_one_line_naming_the_flag(String ratios, String message) {
    Cli.Result r =
        Cli.run(
            "reproduce",
            "style-layers",
            "--style",
            "s.jpg",
            "--content",
            "c.jpg",
            "--ratios",
            ratios);
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(message), r::toString);
    assertEquals(2, r.err().lines().count(), r::toString); // the error and the --help hint
  }

  @Test
  void ratios_need_a_content_image_and_content_needs_ratios() {
    Cli.Result r = Cli.run("reproduce", "style-layers", "--style", "s.jpg", "--ratios", "1e-3");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().startsWith("error: missing option --content (required with --ratios)"), r.err());
    r = Cli.run("reproduce", "style-layers", "--style", "s.jpg", "--content", "c.jpg");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().startsWith("error: invalid options: --content is only used with --ratios"),
        r.err());
  }

  @Test
  void missing_images_and_bad_values_are_one_line_errors() {
    Path missing = dir.resolve("nope.jpg");
    Cli.Result r = Cli.run("reproduce", "content-layers", "--content", missing.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("error: content image " + missing + " does not exist\n", r.err());

    r = Cli.run("reproduce", "styles", "--content", "c.jpg", "--style", missing.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.err().startsWith("error: invalid value for --style: no such file or folder"), r.err());

    r = Cli.run("texture", "--style", "s.jpg", "--width", "8");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: invalid value for --width: must be between 16"), r.err());

    r = Cli.run("reproduce", "content-layers", "--content", "c.jpg", "--size", "8");
    assertTrue(r.err().startsWith("error: invalid value for --size"), r.err());

    r = Cli.run("reproduce", "content-layers", "--content", "c.jpg", "--output", "grid.gif");
    assertTrue(r.err().startsWith("error: invalid value for --output: must end in .png"), r.err());
  }

  private static String[] append(String[] words, String last) {
    String[] all = java.util.Arrays.copyOf(words, words.length + 1);
    all[words.length] = last;
    return all;
  }
}

package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The command line follows the library's settings schema: every setting of {@code transfer} is
 * exactly one option named by its key, the shared options are settings or name their exceptions,
 * and the README's options table lists every one.
 */
class SettingOptionsTest {
  /** Options of the shared mixin that are not request settings. */
  private static final Set<String> NOT_SETTINGS = Set.of("--preset", "--weights", "--cache-dir");

  @Test
  void every_cli_setting_is_exactly_one_transfer_option_named_by_its_key() {
    CommandSpec transfer =
        NeuralStyleCommand.commandLine().getSubcommands().get("transfer").getCommandSpec();
    for (Setting<?> s : Settings.in(Setting.Front.CLI)) {
      List<OptionSpec> named =
          transfer.options().stream()
              .filter(o -> List.of(o.names()).contains(("--" + s.key())))
              .toList();
      assertEquals(1, named.size(), ("--" + s.key()));
    }
  }

  @Test
  void every_shared_option_is_a_setting_of_the_schema() {
    CommandSpec mixin = CommandSpec.forAnnotatedObject(new TransferSettings());
    for (OptionSpec o : mixin.options()) {
      String name = o.longestName();
      if (NOT_SETTINGS.contains(name)) {
        continue;
      }
      Setting<?> s = Settings.byKey(name.substring(2)).orElse(null);
      assertTrue(s != null, name + " has no entry in Settings");
      assertTrue(s.in(Setting.Front.CLI), name);
    }
    for (String cmd : List.of("transfer", "batch", "video")) {
      CommandLine c = NeuralStyleCommand.commandLine().getSubcommands().get(cmd);
      assertTrue(c.getCommandSpec().findOption("--tv-weight") != null, cmd);
    }
  }

  @Test
  void the_readme_options_table_lists_every_transfer_setting() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    int start = text.indexOf("| group | options |");
    assertTrue(start > 0, "README has no options table");
    int end = text.indexOf("\n\n", start);
    String table = text.substring(start, end);
    for (Setting<?> s : Settings.in(Setting.Front.CLI)) {
      assertTrue(
          table.contains("`" + ("--" + s.key())),
          "README's options table lacks " + ("--" + s.key()));
    }
  }

  @Test
  void options_shared_by_commands_are_one_declaration_each() throws NoSuchFieldException {
    java.util.Map<String, Set<String>> descriptions = new java.util.TreeMap<>();
    java.util.Map<String, Integer> commands = new java.util.TreeMap<>();
    java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
    todo.add(NeuralStyleCommand.commandLine());
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      todo.addAll(c.getSubcommands().values());
      for (String name : List.of("--weights", "--cache-dir", "--device")) {
        OptionSpec o = c.getCommandSpec().findOption(name);
        if (o != null) {
          descriptions
              .computeIfAbsent(name, k -> new java.util.HashSet<>())
              .add(o.description()[0]);
          commands.merge(name, 1, Integer::sum);
        }
      }
    }
    for (String name : List.of("--weights", "--cache-dir", "--device")) {
      assertEquals(1, descriptions.get(name).size(), name + ": " + descriptions.get(name));
      assertTrue(commands.get(name) >= 4, name + " is shared by " + commands.get(name));
    }
    // The mixin's --device text is the schema's description of the setting.
    String declared =
        DeviceOption.class.getDeclaredField("device").getAnnotation(Option.class).description()[0];
    assertEquals(CliText.render(Settings.DEVICE.description()), declared);
  }
}

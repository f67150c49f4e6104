package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.Settings;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code transfer}'s options, read from the library's {@link Settings} schema so
 * that no default is written twice; picocli shows them in {@code --help}. The few settings that
 * exist only on the command line have their defaults here.
 */
final class DefaultValues implements IDefaultValueProvider {
  /** Default {@code --output}, as in jcjohnson/neural-style. */
  static final String OUTPUT = "out.png";

  /** Default {@code --save-every}: no snapshot files. */
  static final int SAVE_EVERY = 0;

  private final Map<String, String> values = new HashMap<>();

  DefaultValues() {
    for (Setting<?> setting : Settings.in(Setting.Front.CLI)) {
      String text = setting.defaultText();
      if (text != null && !text.isEmpty()) {
        values.put(CliText.option(setting.key()), text);
      }
    }
    values.put("--output", OUTPUT);
    values.put("--gif-frames", String.valueOf(Defaults.GIF_FRAMES));
    values.put("--save-every", String.valueOf(SAVE_EVERY));
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      return values.get(option.longestName());
    }
    return null;
  }

  /** Option name to default value, for tests. */
  Map<String, String> all() {
    return Map.copyOf(values);
  }
}

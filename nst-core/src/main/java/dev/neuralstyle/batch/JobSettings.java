package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.SettingType;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The transfer settings a jobs file may set per job: the {@link Settings} entries for {@link
 * Setting.Front#JOBS}, named like {@code neural-style transfer}'s long options without dashes
 * ({@code style-weight}; {@code styleWeight} and {@code style_weight} are accepted too). File
 * settings ({@code init} FILE, {@code content-mask}, {@code style-mask}) are resolved like the
 * jobs' images.
 */
public final class JobSettings {
  private JobSettings() {}

  /** Every setting's name. */
  public static List<String> names() {
    return Settings.in(Setting.Front.JOBS).stream().map(Setting::key).toList();
  }

  /** {@code styleWeight} or {@code style_weight} → {@code style-weight}; others unchanged. */
  public static String canonical(String name) {
    return Settings.canonicalKey(name);
  }

  /** Whether {@code canonicalName} is a setting. */
  public static boolean isSetting(String canonicalName) {
    return Settings.byKey(canonicalName).filter(s -> s.in(Setting.Front.JOBS)).isPresent();
  }

  /**
   * Sets {@code name} from {@code text} on {@code builder}.
   *
   * @param files turns a file setting's text into a path
   * @throws NstException naming the setting and the value when the text does not parse
   */
  public static void apply(
      StyleTransferRequestBuilder builder, String name, String text, Function<String, Path> files) {
    if (!isSetting(name)) {
      throw new NstException("unknown setting '" + name + "'");
    }
    Setting<?> setting = Settings.byKey(name).orElseThrow();
    String t = text.trim();
    try {
      if (setting.type().equals(SettingType.PATH)) {
        setting.setValue(builder, files.apply(t));
      } else if (setting.type().equals(SettingType.PATHS)) {
        setting.setValue(
            builder,
            Arrays.stream(t.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(files)
                .toList());
      } else if (setting.type().equals(SettingType.INIT)) {
        InitSpec spec = InitSpec.parse(t);
        setting.setValue(
            builder, spec.file() == null ? spec : InitSpec.parse(files.apply(t).toString()));
      } else {
        setting.parseInto(builder, t);
      }
    } catch (NstException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
      throw new NstException("invalid value for setting " + name + ": '" + text + "': " + why, e);
    }
  }
}

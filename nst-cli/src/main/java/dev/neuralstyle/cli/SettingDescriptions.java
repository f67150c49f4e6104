package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.SettingType;
import dev.neuralstyle.transfer.Settings;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --help} descriptions of the shared transfer options, from the library's {@link
 * Settings} schema: picocli looks an option's description up under its name without dashes, which
 * is the setting's key. Switches add their default (picocli shows none for flags).
 */
public final class SettingDescriptions extends ResourceBundle {
  /** The bundle picocli instantiates by class name ({@link TransferSettings}). */
  public SettingDescriptions() {}

  /**
   * The keys of the settings that {@link TransferSettings} declares: picocli consults a mixin's
   * bundle for every option of the command it is mixed into, whose own options (such as {@code
   * batch}'s folder {@code --content}) keep their descriptions.
   */
  static final List<String> KEYS =
      options(TransferSettings.class).stream()
          .map(o -> o.names()[0].substring(2))
          .filter(k -> Settings.byKey(k).isPresent())
          .toList();

  @Override
  protected Object handleGetObject(String key) {
    return KEYS.contains(key) ? text(Settings.byKey(key).orElseThrow()) : null;
  }

  @Override
  public Enumeration<String> getKeys() {
    return Collections.enumeration(KEYS);
  }

  /**
   * The options {@code type} declares, with those of the mixins it holds ({@link DeviceOption}).
   */
  private static List<Option> options(Class<?> type) {
    List<Option> options = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (f.getAnnotation(Option.class) != null) {
        options.add(f.getAnnotation(Option.class));
      } else if (f.getAnnotation(Mixin.class) != null) {
        options.addAll(options(f.getType()));
      }
    }
    return options;
  }

  private static String text(Setting<?> s) {
    String text = CliText.render(s.description()).replace("%", "%%");
    return s.type().equals(SettingType.BOOLEAN) ? text + " Default: ${DEFAULT-VALUE}." : text;
  }
}

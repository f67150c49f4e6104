package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.SettingType;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.util.List;

/**
 * The typed option fields of the job form: the {@link Settings} entries for {@link
 * Setting.Front#FORM}, named like the CLI's long options without dashes ({@code content-weight};
 * {@code contentWeight} is accepted too). Each field parses its text and sets it on a request
 * builder; a value that does not parse fails with a {@link FormException} naming the field. {@code
 * preset} is handled by {@link JobForm}; image files and weights are never fields.
 */
final class FormFields {
  private FormFields() {}

  /** Every option field name (without {@code preset}). */
  static List<String> names() {
    return Settings.in(Setting.Front.FORM).stream().map(Setting::key).toList();
  }

  /** {@code contentWeight} or {@code content_weight} → {@code content-weight}; others unchanged. */
  static String canonical(String name) {
    return Settings.canonicalKey(name);
  }

  /** Whether {@code canonicalName} is an option field. */
  static boolean isField(String canonicalName) {
    return Settings.byKey(canonicalName).filter(s -> s.in(Setting.Front.FORM)).isPresent();
  }

  /**
   * Sets field {@code name} from {@code text} on {@code builder}.
   *
   * @throws FormException naming the field if the text does not parse
   */
  static void apply(StyleTransferRequestBuilder builder, String name, String text) {
    try {
      Setting<?> setting = Settings.byKey(name).orElseThrow();
      if (setting.type().equals(SettingType.INIT)) {
        builder.init(init(text.trim()));
      } else {
        setting.parseInto(builder, text.trim());
      }
    } catch (NumberFormatException e) {
      throw new FormException(name, "not a number, found '" + text.trim() + "'");
    } catch (NstException | IllegalArgumentException e) {
      String why = CoreMessages.errors(e, name).get(0).message();
      throw new FormException(
          name, why.contains(text.trim()) ? why : why + ", found '" + text + "'");
    }
  }

  /** Only the built-in starts: a client can never make the server read a file. */
  private static InitSpec init(String t) {
    InitSpec spec = InitSpec.parse(t);
    if (spec.mode() == InitMode.FILE) {
      throw new IllegalArgumentException("expected noise, content, style, gray or blend[:RATIO]");
    }
    return spec;
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.SettingException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The initial image of the optimisation.
 *
 * @param mode where to start
 * @param noiseRatio for {@link InitMode#BLEND}: the weight of the noise, in [0, 1]
 * @param file for {@link InitMode#FILE}: the image to start from
 */
public record InitSpec(InitMode mode, double noiseRatio, Path file) {
  /** Default noise share of a blend, after the paper-reproduction seed. */
  public static final double DEFAULT_BLEND_RATIO = 0.7;

  /** Validates the fields. */
  public InitSpec {
    if (mode == null) {
      throw SettingException.invalid("init", "must be set");
    }
    if (!(noiseRatio >= 0 && noiseRatio <= 1)) {
      throw SettingException.invalidPart(
          "init", "blend ratio", "must be between 0 and 1", noiseRatio);
    }
    if (mode == InitMode.FILE && file == null) {
      throw SettingException.invalid("init", "a file is required for file mode");
    }
  }

  /** An init of the given mode with the default blend ratio. */
  public static InitSpec of(InitMode mode) {
    return new InitSpec(mode, DEFAULT_BLEND_RATIO, null);
  }

  /**
   * Parses the command-line form: {@code noise}, {@code content}, {@code style}, {@code gray},
   * {@code blend}, {@code blend:0.7}, or else a path to an image file.
   */
  public static InitSpec parse(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("blend:")) {
      try {
        return new InitSpec(InitMode.BLEND, Double.parseDouble(t.substring(6)), null);
      } catch (NumberFormatException e) {
        throw SettingException.invalid("init", "'" + text + "' (expected blend:RATIO)");
      }
    }
    switch (lower) {
      case "noise":
      case "random":
        return of(InitMode.NOISE);
      case "content":
      case "image":
        return of(InitMode.CONTENT);
      case "style":
        return of(InitMode.STYLE);
      case "gray":
      case "grey":
        return of(InitMode.GRAY);
      case "blend":
        return of(InitMode.BLEND);
      default:
        return new InitSpec(InitMode.FILE, DEFAULT_BLEND_RATIO, Path.of(t));
    }
  }

  /** The command-line form of this init. */
  public String describe() {
    switch (mode) {
      case FILE:
        return file.toString();
      case BLEND:
        return "blend:" + noiseRatio;
      default:
        return mode.name().toLowerCase(Locale.ROOT);
    }
  }
}

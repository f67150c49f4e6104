package dev.neuralstyle.batch;

import dev.neuralstyle.SettingException;
import java.util.Locale;

/** How a batch pairs its content images with its style images. */
public enum Pairing {
  /** Every content with every style (contents x styles jobs). */
  ALL,
  /** The i-th content with the i-th style (the lists must be equally long). */
  ZIP;

  /** The command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code all} or {@code zip}.
   *
   * @throws SettingException naming {@code pairs} and the value otherwise
   */
  public static Pairing parse(String text) {
    for (Pairing p : values()) {
      if (p.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw SettingException.mustBe("pairs", "all or zip", "'" + text + "'");
  }
}

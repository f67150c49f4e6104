package dev.neuralstyle.transfer;

import java.util.Locale;

/**
 * How the output keeps the content photo's colours (Gatys, Bethge, Hertzmann and Shechtman,
 * "Preserving Color in Neural Artistic Style Transfer", arXiv 1606.05897).
 */
public enum ColorPreservation {
  /** The output takes the style's colours. */
  NONE,
  /**
   * Section 2.1: before the transfer, an affine colour map gives each style image the mean and
   * covariance of the content's colours.
   */
  HISTOGRAM,
  /**
   * Section 2.2: the transfer runs on luminance only (the style's luminance matched to the
   * content's mean and standard deviation); the result's luminance is then combined with the
   * content's chroma (YIQ).
   */
  LUMINANCE,
  /** The peers' "original colors": stylise in RGB, then swap in the content's chroma afterwards. */
  CHROMA;

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code none}, {@code histogram}, {@code luminance} or {@code chroma}. */
  public static ColorPreservation parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (ColorPreservation c : values()) {
      if (c.cliName().equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown colour preservation '"
            + text
            + "': expected none, histogram, luminance or chroma");
  }
}

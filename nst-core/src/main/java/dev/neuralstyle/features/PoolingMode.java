package dev.neuralstyle.features;

import java.util.Locale;

/**
 * The pooling between VGG blocks. VGG was trained with max pooling; Gatys et al. (2015) replace it
 * by average pooling for synthesis because it "improves the gradient flow and one obtains slightly
 * more appealing results".
 */
public enum PoolingMode {
  /** 2x2 max pooling with stride 2, as VGG was trained. */
  MAX,
  /** 2x2 average pooling with stride 2, as in Gatys et al. (2015). */
  AVERAGE;

  /**
   * The one wire name ({@code max} or {@code avg}): the command line, the form, jobs files and run
   * records all write it.
   */
  public String cliName() {
    return this == MAX ? "max" : "avg";
  }

  /**
   * Parses {@code max} or {@code avg} (any case); {@code average} is what run records written
   * before the schema's wire names held, and still reads.
   */
  public static PoolingMode parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "max":
        return MAX;
      case "avg":
      case "average":
        return AVERAGE;
      default:
        throw new IllegalArgumentException("unknown pooling '" + text + "': expected avg or max");
    }
  }
}

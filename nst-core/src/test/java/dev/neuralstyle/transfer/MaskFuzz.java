package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Jazzer target: the input is a region mask image, decoded, turned into its palette and region
 * planes ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class MaskFuzz {
  private MaskFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    try {
      BufferedImage mask = ImageFiles.decode(data, "fuzz mask", 1_000_000);
      List<Integer> palette = RegionMasks.palette(mask, Path.of("fuzz-mask.png"));
      RegionMasks.planes(mask, palette);
    } catch (NstException e) {
      if (e.getMessage() == null || e.getMessage().contains("\n")) {
        throw new IllegalStateException("not a one-line message", e);
      }
    }
  }
}

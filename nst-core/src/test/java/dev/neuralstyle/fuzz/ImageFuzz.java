package dev.neuralstyle.fuzz;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;

/**
 * Jazzer target: the input is an image file (PNG, JPEG, GIF, BMP, TIFF), decoded with the pixel cap
 * of a web upload ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class ImageFuzz {
  private ImageFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    try {
      ImageFiles.decode(data, "fuzz input", 4_000_000);
    } catch (NstException e) {
      FuzzFiles.requireOneLine(e);
    }
  }
}

package dev.neuralstyle.fuzz;

import dev.neuralstyle.testkit.TorchFiles;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jazzer target: the input is the {@code data.pkl} of a PyTorch zip archive, run through the
 * restricted pickle VM and the state-dict reader ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class PickleFuzz {
  private PickleFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    byte[] zip;
    try {
      zip =
          java.nio.file.Files.readAllBytes(
              TorchFiles.writeZip(FuzzFiles.write(new byte[0], ".pth"), "archive", data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FuzzFiles.loadWeights(zip, ".pth");
  }
}

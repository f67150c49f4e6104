package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a PyTorch .pth file in any container (zip, legacy stream, tar),
 * loaded as weights ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class TorchPthFuzz {
  private TorchPthFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".pth");
  }
}

package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a safetensors file, loaded as weights ({@code mvn -Pfuzz}, see
 * docs/FUZZING.md).
 */
public final class SafetensorsFuzz {
  private SafetensorsFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".safetensors");
  }
}

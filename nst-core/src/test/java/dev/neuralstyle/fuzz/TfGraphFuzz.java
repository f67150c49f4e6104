package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a TensorFlow frozen GraphDef {@code .tfmodel}, loaded as weights
 * ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class TfGraphFuzz {
  private TfGraphFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".tfmodel");
  }
}

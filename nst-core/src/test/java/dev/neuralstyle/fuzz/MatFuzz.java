package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a MatConvNet {@code .mat} file (MAT level 5), loaded as weights
 * ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class MatFuzz {
  private MatFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".mat");
  }
}

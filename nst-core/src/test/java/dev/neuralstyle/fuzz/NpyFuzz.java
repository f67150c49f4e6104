package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a numpy {@code .npy} file (a pickled dict of arrays, machrisaa's
 * layout), loaded as weights ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class NpyFuzz {
  private NpyFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".npy");
  }
}

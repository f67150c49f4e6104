package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a Keras HDF5 file, loaded as weights ({@code mvn -Pfuzz}, see
 * docs/FUZZING.md).
 */
public final class KerasH5Fuzz {
  private KerasH5Fuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".h5");
  }
}

package dev.neuralstyle.fuzz;

/**
 * Jazzer target: the input is a Caffe {@code .caffemodel} (NetParameter V1 or V2), loaded as
 * weights ({@code mvn -Pfuzz}, see docs/FUZZING.md).
 */
public final class CaffeFuzz {
  private CaffeFuzz() {}

  /** One input. */
  public static void fuzzerTestOneInput(byte[] data) {
    FuzzFiles.loadWeights(data, ".caffemodel");
  }
}

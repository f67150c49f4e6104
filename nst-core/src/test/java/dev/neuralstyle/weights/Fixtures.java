package dev.neuralstyle.weights;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed fixture files of {@code src/test/resources/fixtures} and their value formula. */
final class Fixtures {
  private Fixtures() {}

  /** Path of a committed fixture. */
  static Path file(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value make_h5_fixtures.py stores at flat index {@code i} of tensor {@code k}. */
  static float value(int i, int k) {
    return (float) (((37L * i + 11L * k) % 101 - 50) / 64.0);
  }
}

package dev.neuralstyle.fuzz;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets share: a scratch file for the file-based readers, and the rule that every
 * input ends in a value or an {@link NstException}. Anything else that escapes (another exception,
 * a stack overflow, an out-of-memory) is a finding Jazzer reports with the input that caused it.
 */
final class FuzzFiles {
  private static Path scratch;

  private FuzzFiles() {}

  /** Writes {@code data} to this process's scratch file, named with {@code suffix}. */
  static synchronized Path write(byte[] data, String suffix) {
    try {
      if (scratch == null) {
        scratch = Files.createTempDirectory("nst-fuzz");
      }
      return Files.write(scratch.resolve("input" + suffix), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code data} as a weights file; only a clear {@link NstException} may come out. */
  static void loadWeights(byte[] data, String suffix) {
    Path file = write(data, suffix);
    try {
      WeightsLoader.load(file, null, null);
    } catch (NstException e) {
      requireOneLine(e);
    }
  }

  /** A message is one line; a multi-line message is a finding too. */
  static void requireOneLine(NstException e) {
    String m = e.getMessage();
    if (m == null || m.contains("\n") || m.length() > 2000) {
      throw new IllegalStateException("not a one-line message: " + m, e);
    }
  }
}

package dev.neuralstyle.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the whole content of a file to a stream. Used with {@link AtomicFiles#write} so that the
 * bytes land in a temporary file first and replace the target only when writing succeeded.
 */
@FunctionalInterface
public interface IoWriter {
  /**
   * Writes the content to {@code out}. The stream is buffered and closed by the caller.
   *
   * @param out where to write; do not close it
   * @throws IOException if writing fails; the target file is then left untouched
   */
  void write(OutputStream out) throws IOException;
}

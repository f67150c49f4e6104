package dev.neuralstyle.image;

import dev.neuralstyle.NstException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see a partial file: the content goes to a temporary file in
 * the target's directory, which is then moved over the target in one step ({@code ATOMIC_MOVE}
 * where the file system supports it, otherwise {@code REPLACE_EXISTING}). If writing fails or the
 * run is interrupted, the target keeps its old content (or does not exist) and the temporary file
 * is removed. Every file writer in the project (images, GIFs, JSON) goes through this class.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically with the bytes {@code writer} produces. The directory must
   * already exist.
   *
   * @param target the file to create or replace
   * @param writer produces the content
   * @throws NstException naming the path if the directory is missing or not writable or writing
   *     fails
   */
  public static void write(Path target, IoWriter writer) {
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    if (dir == null || absolute.getFileName() == null) {
      throw new NstException("cannot write " + target + ": not a file path");
    }
    if (!Files.isDirectory(dir)) {
      throw new NstException("cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new NstException("cannot write " + target + ": it is a directory");
    }
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
    } catch (IOException | SecurityException e) {
      throw new NstException(
          "cannot write " + target + ": directory " + dir + " is not writable (" + reason(e) + ")",
          e);
    }
    boolean done = false;
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        writer.write(out);
      }
      readableByAll(temp);
      move(temp, absolute);
      done = true;
    } catch (IOException e) {
      throw new NstException("cannot write " + target + ": " + reason(e), e);
    } finally {
      if (!done) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * createTempFile makes owner-only files (0600); an output should get the usual rw-r--r-- instead.
   */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Best effort: the temporary file is hidden and named after the target.
    }
  }

  /** A short, one-line reason for an I/O failure. */
  static String reason(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return kind;
    }
    return kind + ": " + message.replace('\n', ' ').replace('\r', ' ').trim();
  }
}

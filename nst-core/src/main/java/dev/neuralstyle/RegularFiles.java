package dev.neuralstyle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way the library opens a file it reads (weights, images, masks, run records): only a
 * regular file (a symbolic link to one is fine). Opening a FIFO blocks until someone writes to it
 * and a device can be endless, so both are refused before they are opened, as are directories;
 * whole-file reads are also capped in bytes. Every refusal is a one-line {@link NstException} that
 * names the role and the file.
 */
public final class RegularFiles {
  private RegularFiles() {}

  /**
   * Checks that {@code file} is an existing regular file.
   *
   * @param what how the message names the file, e.g. {@code "weights file"}
   * @return the file's size in bytes
   * @throws NstException if it is missing, a directory, a FIFO, a device or a socket
   */
  public static long require(Path file, String what) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new NstException(what + " " + file + " does not exist", e);
    } catch (IOException e) {
      throw new NstException(what + " " + file + " cannot be read: " + reason(e), e);
    }
    if (a.isDirectory()) {
      throw new NstException(what + " " + file + " is a directory, not a file");
    }
    if (!a.isRegularFile()) {
      throw new NstException(
          what
              + " "
              + file
              + " is not a regular file (a FIFO, device or socket is refused: reading it could"
              + " block forever)");
    }
    return a.size();
  }

  /**
   * Reads all of {@code file}.
   *
   * @param maxBytes refuse files larger than this
   * @throws NstException if it is not a regular file, is larger than {@code maxBytes} or cannot be
   *     read
   */
  public static byte[] readAllBytes(Path file, String what, long maxBytes) {
    long size = require(file, what);
    if (size > maxBytes) {
      throw new NstException(
          what + " " + file + " is " + size + " bytes; at most " + maxBytes + " are read");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (data.length > maxBytes) {
        throw new NstException(what + " " + file + " grew beyond " + maxBytes + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new NstException(what + " " + file + " cannot be read: " + reason(e), e);
    }
  }

  /**
   * Opens {@code file} for reading.
   *
   * @throws NstException if it is not a regular file or cannot be opened
   */
  public static FileChannel open(Path file, String what) {
    require(file, what);
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new NstException(what + " " + file + " cannot be read: " + reason(e), e);
    }
  }

  /** Why an I/O operation failed, in words (never an exception class name). */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it does not exist";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }
}

package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.tensor.FileRegions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Walks a region of a file that interleaves pickles and binary fields (the legacy stream and the
 * tar members). Pickles are parsed from a bounded window, so a large file is never read whole.
 */
final class ChannelCursor {
  /** Largest pickle accepted inside a {@code .pth} file (a VGG-19 state dict needs a few KB). */
  static final long MAX_PICKLE = 16L << 20;

  private final Path file;
  private final FileChannel ch;
  private final long end;
  private long pos;

  ChannelCursor(Path file, FileChannel ch, long start, long end) {
    this.file = file;
    this.ch = ch;
    this.pos = start;
    this.end = end;
  }

  long position() {
    return pos;
  }

  long end() {
    return end;
  }

  /**
   * Parses one pickle at the cursor and moves past its STOP opcode. The window read from the file
   * starts small and grows (up to {@link #MAX_PICKLE}) only while the pickle runs past its end.
   */
  Object pickle(String what, Function<Object, Object> persistentLoad) throws IOException {
    long available = Math.min(end - pos, MAX_PICKLE);
    if (available <= 0) {
      throw new NstException(
          "weights file " + file + " is truncated: pickle " + what + " expected at byte " + pos);
    }
    for (long window = Math.min(available, 1 << 16); ; window = Math.min(available, window * 16)) {
      ByteBuffer buf = FileRegions.read(ch, pos, window);
      try {
        Object value = new RestrictedUnpickler(file, what, buf, persistentLoad).load();
        pos += buf.position();
        return value;
      } catch (NstException e) {
        if (buf.hasRemaining() || (window == available && available < MAX_PICKLE)) {
          throw e;
        }
        if (window == MAX_PICKLE) {
          throw new NstException(
              "weights file "
                  + file
                  + ": pickle "
                  + what
                  + " is larger than "
                  + MAX_PICKLE
                  + " bytes (refused)");
        }
      }
    }
  }

  /** Reads a little-endian int64 and moves past it. */
  long int64(String what) throws IOException {
    return bytes(8, what).getLong();
  }

  /** Reads a little-endian int32 and moves past it. */
  int int32(String what) throws IOException {
    return bytes(4, what).getInt();
  }

  /** Moves {@code n} bytes on, failing if that passes the region's end. */
  void skip(long n, String what) {
    if (n < 0 || n > end - pos) {
      throw truncated(what, n);
    }
    pos += n;
  }

  private ByteBuffer bytes(int n, String what) throws IOException {
    if (n > end - pos) {
      throw truncated(what, n);
    }
    ByteBuffer b = FileRegions.read(ch, pos, n);
    pos += n;
    return b;
  }

  private NstException truncated(String what, long n) {
    return new NstException(
        "weights file "
            + file
            + " is truncated: "
            + what
            + " needs "
            + n
            + " bytes at byte "
            + pos
            + " but only "
            + Math.max(0, end - pos)
            + " remain");
  }
}

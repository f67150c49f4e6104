package dev.neuralstyle.weights.matlab;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequential little- or big-endian reads from a MAT-file body or from one inflated {@code
 * miCOMPRESSED} element, counting the bytes consumed so that every declared size can be checked
 * against what its parent has left.
 */
final class MatIn {
  private final InputStream in;
  private final ByteOrder order;
  private long position;

  MatIn(InputStream in, ByteOrder order) {
    this.in = in;
    this.order = order;
  }

  long position() {
    return position;
  }

  ByteOrder order() {
    return order;
  }

  /** Reads exactly {@code n} bytes (the caller has bounded {@code n}). */
  ByteBuffer bytes(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException("data ends " + (n - b.length) + " bytes early (truncated?)");
    }
    position += n;
    return ByteBuffer.wrap(b).order(order);
  }

  int int32() throws IOException {
    return bytes(4).getInt();
  }

  void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException("data ends " + left + " bytes early (truncated?)");
        }
        s = 1;
      }
      left -= s;
    }
    position += n;
  }

  /**
   * A stream of the next {@code n} bytes; what it reads counts as consumed here. The caller skips
   * whatever it leaves unread with {@link #skip} ({@code n} minus what was read).
   */
  InputStream limited(long n) {
    long start = position;
    return new InputStream() {
      @Override
      public int read() throws IOException {
        if (position - start >= n) {
          return -1;
        }
        int b = in.read();
        if (b >= 0) {
          position++;
        }
        return b;
      }

      @Override
      public int read(byte[] dst, int off, int len) throws IOException {
        long left = n - (position - start);
        if (left <= 0) {
          return -1;
        }
        int r = in.read(dst, off, (int) Math.min(len, left));
        if (r > 0) {
          position += r;
        }
        return r;
      }
    };
  }

  /** Whether the stream has no more bytes (reads one ahead only at the end of an element). */
  boolean atEnd() throws IOException {
    return in.read() < 0;
  }
}

package dev.neuralstyle.weights.tensor;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Positional reads from an open file, with the bounds checks every reader needs. */
public final class FileRegions {
  /** Largest float array the loader materialises for one tensor. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;

  private FileRegions() {}

  /** Reads exactly {@code length} bytes at {@code position}; fails at end of file. */
  public static ByteBuffer read(FileChannel ch, long position, long length) throws IOException {
    if (length < 0 || length > Integer.MAX_VALUE - 16) {
      throw new IOException("region of " + length + " bytes is too large to read");
    }
    if (position < 0 || position > ch.size() - length) {
      throw new EOFException(
          "file ends at byte "
              + ch.size()
              + ", needed bytes "
              + position
              + ".."
              + (position + length));
    }
    ByteBuffer buf = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new EOFException("unexpected end of file at byte " + (position + buf.position()));
      }
    }
    return buf.flip();
  }

  /** Reads {@code count} contiguous elements of {@code dtype} at {@code position} as floats. */
  public static float[] floats(FileChannel ch, long position, DType dtype, long count)
      throws IOException {
    if (count > MAX_ELEMENTS) {
      throw new IOException("tensor of " + count + " elements is too large");
    }
    float[] out = new float[(int) count];
    long chunk = 1 << 20;
    for (long done = 0; done < count; done += chunk) {
      int n = (int) Math.min(chunk, count - done);
      ByteBuffer buf = read(ch, position + done * dtype.size(), (long) n * dtype.size());
      dtype.decode(buf, out, (int) done, n);
    }
    return out;
  }

  /**
   * Gathers a strided view into a dense C-order array. {@code base} holds the storage elements from
   * {@code offset} to the view's last element; sizes and strides count elements.
   */
  public static float[] gather(float[] base, long[] size, long[] stride) {
    long numel = RawTensor.numel(size);
    float[] out = new float[(int) numel];
    int rank = size.length;
    long[] index = new long[rank];
    for (int i = 0; i < numel; i++) {
      long src = 0;
      for (int d = 0; d < rank; d++) {
        src += index[d] * stride[d];
      }
      out[i] = base[(int) src];
      for (int d = rank - 1; d >= 0; d--) {
        if (++index[d] < size[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return out;
  }
}

package dev.neuralstyle.weights.numpy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The values {@link NpyUnpickler} builds besides {@code Long}, {@code Boolean}, {@code String},
 * {@code ArrayList} and {@code LinkedHashMap}: tuples, the allowed globals as symbols, byte strings
 * as regions of the file, and stand-ins for numpy arrays and dtypes. None of them runs code; {@link
 * #describe} names a value without walking into it, so self-referencing or deeply nested pickles
 * cannot overflow the stack.
 */
final class NpyValues {
  /** Python's {@code None}. */
  static final Object NONE = new Object();

  private NpyValues() {}

  /** An immutable tuple. */
  record Tuple(List<Object> items) {
    Tuple {
      items = List.copyOf(items);
    }
  }

  /** An allowed global, e.g. {@code numpy ndarray}. */
  record Global(String module, String name) {}

  /**
   * Bytes of the file: {@code length} bytes at {@code offset} of the pickle buffer, or (when {@code
   * latin1} is set) UTF-8 text there whose code points are the bytes, as {@code _codecs.encode(s,
   * 'latin1')} makes them; {@code size} is the decoded byte count.
   */
  record Bytes(ByteBuffer buffer, int offset, int length, boolean latin1, long size) {
    /** The bytes themselves (the caller has bounded {@link #size}). */
    ByteBuffer read() {
      ByteBuffer src = buffer.duplicate().position(offset).limit(offset + length).slice();
      if (!latin1) {
        return src;
      }
      ByteBuffer out = ByteBuffer.allocate((int) size);
      while (src.hasRemaining()) {
        int b = src.get() & 0xFF;
        out.put((byte) (b < 0x80 ? b : ((b & 0x03) << 6) | (src.get() & 0x3F)));
      }
      return out.flip();
    }

    /** The bytes as ISO-8859-1 text, for short values such as typecodes. */
    String text() {
      ByteBuffer b = read();
      byte[] a = new byte[b.remaining()];
      b.get(a);
      return new String(a, StandardCharsets.ISO_8859_1);
    }
  }

  /** A numpy dtype made by {@code numpy.dtype(name, False, True)}, with the byte order of BUILD. */
  static final class Dtype {
    final String name;
    String byteOrder = "=";

    Dtype(String name) {
      this.name = name;
    }

    boolean isFloat32() {
      return name.equals("f4") && !byteOrder.equals(">");
    }

    boolean isObject() {
      return name.equals("O8") || name.equals("O4");
    }
  }

  /** An ndarray made by {@code _reconstruct(ndarray, (0,), b'b')}, filled in by BUILD. */
  static final class Array {
    long[] shape;
    Dtype dtype;
    boolean fortran;
    Object data;

    boolean built() {
      return shape != null;
    }
  }

  /** {@code s} with control and non-ASCII characters escaped as hex code points, on one line. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return sb.toString();
  }

  /** A short name of a value's type for messages. */
  static String describe(Object v) {
    if (v == null || v == NONE) {
      return "None";
    }
    if (v instanceof Array a) {
      return a.dtype == null ? "ndarray" : "ndarray of " + a.dtype.name;
    }
    if (v instanceof Tuple t) {
      return "tuple of " + t.items().size();
    }
    if (v instanceof List<?> l) {
      return "list of " + l.size();
    }
    if (v instanceof java.util.Map<?, ?> m) {
      return "dict of " + m.size();
    }
    if (v instanceof Bytes b) {
      return "bytes of " + b.size();
    }
    if (v instanceof Global g) {
      return g.module() + "." + g.name();
    }
    if (v instanceof String s) {
      return s.length() <= 40 ? "'" + printable(s) + "'" : "str of " + s.length();
    }
    return v.getClass().getSimpleName();
  }
}

package dev.neuralstyle.weights.matlab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses MAT level-5 {@code miMATRIX} elements (WEIGHT-FORMATS section 11d): array flags,
 * dimensions, name, then cells (nested matrices), structs (field names, then a matrix per field and
 * element), char arrays and numeric arrays (real part in any numeric storage type). Every byte
 * count is checked against what the parent element has left before it is read; nesting is limited
 * to {@link #MAX_DEPTH}; numeric arrays above {@link #MAX_KEPT} elements are skipped (VGG's fully
 * connected layers) after their size has been checked.
 */
final class MatParser {
  static final int MAX_DEPTH = 32;
  static final long MAX_KEPT = 3L * 3 * 512 * 512;
  private static final int MAX_TEXT = 1 << 16;
  private static final int MAX_FIELD = 256;

  static final int MI_MATRIX = 14;
  private static final int[] MI_SIZE = {0, 1, 1, 2, 2, 4, 4, 4, 0, 8, 0, 0, 8, 8, 0, 0, 1, 2, 4};

  /** A malformed element; the reader adds the file name. */
  static final class MatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MatException(String message) {
      super(message);
    }
  }

  /** A data element's tag: type and byte count, and whether it used the 4-byte small form. */
  record Tag(int type, long bytes, ByteBuffer inline) {
    /** Bytes that follow the tag: the data and its padding (none in the small form). */
    long padded() {
      if (inline != null) {
        return 0;
      }
      return type == 15 ? bytes : (bytes + 7) & ~7L; // miCOMPRESSED elements are not padded
    }
  }

  private final MatIn in;

  MatParser(MatIn in) {
    this.in = in;
  }

  Tag tag(long left) throws IOException {
    if (left < 8) {
      throw new MatException("element tag needs 8 bytes, " + left + " left");
    }
    ByteBuffer b = in.bytes(8);
    int word = b.getInt(0);
    if ((word >>> 16) != 0) {
      int n = word >>> 16;
      if (n > 4) {
        throw new MatException("small element of " + n + " bytes (at most 4)");
      }
      return new Tag(word & 0xFFFF, n, b.position(4).slice().limit(n).order(b.order()));
    }
    long n = b.getInt(4) & 0xFFFFFFFFL;
    Tag t = new Tag(word, n, null);
    if (t.padded() > left - 8) {
      throw new MatException(
          "element of " + n + " bytes, but its parent has " + (left - 8) + " left");
    }
    return t;
  }

  /** The name and value of the miMATRIX whose tag was just read; consumes its padding. */
  Map.Entry<String, MatValue> matrix(Tag t, int depth) throws IOException {
    return matrix(t, depth, null, true);
  }

  /**
   * As {@link #matrix(Tag, int)}, but returns {@code null} for a matrix whose name is not in {@code
   * wanted} (when not {@code null}), skipping its bytes if {@code consume} and otherwise leaving
   * them unread.
   */
  Map.Entry<String, MatValue> matrix(
      Tag t, int depth, java.util.Set<String> wanted, boolean consume) throws IOException {
    if (t.type() != MI_MATRIX || t.inline() != null) {
      throw new MatException("expected a matrix (type 14), found data type " + t.type());
    }
    if (depth > MAX_DEPTH) {
      throw new MatException("cells/structs nested deeper than " + MAX_DEPTH);
    }
    long end = in.position() + t.bytes();
    if (t.bytes() == 0) {
      return Map.entry("", new MatValue.Other("empty"));
    }
    ByteBuffer flags = data(tag(left(end)), 8, end);
    int classId = flags.getInt(0) & 0xFF;
    boolean complex = (flags.getInt(0) & 0x800) != 0;
    ByteBuffer d = data(tag(left(end)), 4 * 32, end);
    int[] dims = new int[d.remaining() / 4];
    long numel = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = d.getInt(i * 4);
      if (dims[i] < 0) {
        throw new MatException("negative dimension " + dims[i]);
      }
      numel = Math.multiplyExact(numel, (long) dims[i]);
    }
    ByteBuffer nameBytes = data(tag(left(end)), MAX_FIELD, end);
    String name = StandardCharsets.ISO_8859_1.decode(nameBytes).toString();
    if (wanted != null && !wanted.contains(name)) {
      if (consume) {
        in.skip(left(end));
        in.skip(t.padded() - t.bytes());
      }
      return null;
    }
    MatValue value;
    switch (classId) {
      case 1 -> value = cell(dims, numel, end, depth);
      case 2 -> value = struct(dims, numel, end, depth);
      case 4 -> value = text(end);
      case 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 ->
          value = numeric(classId, dims, numel, complex, end);
      default -> value = new MatValue.Other("class " + classId);
    }
    in.skip(left(end));
    in.skip(t.padded() - t.bytes());
    return Map.entry(name, value);
  }

  private MatValue cell(int[] dims, long numel, long end, int depth) throws IOException {
    if (numel * 8 > left(end)) {
      throw new MatException("cell of " + numel + " elements in " + left(end) + " bytes");
    }
    List<MatValue> items = new ArrayList<>();
    for (long i = 0; i < numel; i++) {
      items.add(matrix(tag(left(end)), depth + 1).getValue());
    }
    return new MatValue.Cell(dims, items);
  }

  private MatValue struct(int[] dims, long numel, long end, int depth) throws IOException {
    ByteBuffer lengthData = data(tag(left(end)), 4, end);
    int fieldLength = lengthData.getInt(0);
    if (fieldLength <= 0 || fieldLength > MAX_FIELD) {
      throw new MatException(
          "struct field-name length " + fieldLength + " (1 to " + MAX_FIELD + ")");
    }
    Tag namesTag = tag(left(end));
    ByteBuffer names = data(namesTag, Integer.MAX_VALUE, end);
    int fields = names.remaining() / fieldLength;
    if (fields * numel * 8 > left(end)) {
      throw new MatException(
          "struct of " + numel + " x " + fields + " fields in " + left(end) + " bytes");
    }
    List<String> fieldNames = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      byte[] n = new byte[fieldLength];
      names.get(f * fieldLength, n);
      String s = new String(n, StandardCharsets.ISO_8859_1);
      fieldNames.add(s.indexOf(0) >= 0 ? s.substring(0, s.indexOf(0)) : s);
    }
    List<Map<String, MatValue>> elements = new ArrayList<>();
    for (long e = 0; e < numel; e++) {
      Map<String, MatValue> m = new LinkedHashMap<>();
      for (String f : fieldNames) {
        m.put(f, matrix(tag(left(end)), depth + 1).getValue());
      }
      elements.add(m);
    }
    return new MatValue.Struct(dims, elements);
  }

  private MatValue text(long end) throws IOException {
    Tag t = tag(left(end));
    ByteBuffer b = data(t, MAX_TEXT, end);
    if (t.type() == 16 || t.type() == 1 || t.type() == 2) {
      return new MatValue.Text(StandardCharsets.UTF_8.decode(b).toString());
    }
    StringBuilder sb = new StringBuilder();
    while (b.remaining() >= 2) {
      sb.append(b.getChar());
    }
    return new MatValue.Text(sb.toString());
  }

  private MatValue numeric(int classId, int[] dims, long numel, boolean complex, long end)
      throws IOException {
    Tag t = tag(left(end));
    int size = t.type() < MI_SIZE.length ? MI_SIZE[t.type()] : 0;
    if (size == 0 || t.type() > 13) {
      throw new MatException("numeric data of type " + t.type());
    }
    if (t.bytes() != numel * size) {
      throw new MatException(
          "array of "
              + numel
              + " elements holds "
              + t.bytes()
              + " bytes of "
              + size
              + "-byte values");
    }
    if (numel > MAX_KEPT || complex) {
      in.skip(t.padded());
      return new MatValue.Numeric(classId, dims, null);
    }
    ByteBuffer b = data(t, Integer.MAX_VALUE, end);
    float[] v = new float[(int) numel];
    for (int i = 0; i < v.length; i++) {
      v[i] =
          switch (t.type()) {
            case 1 -> b.get(i);
            case 2 -> b.get(i) & 0xFF;
            case 3 -> b.getShort(i * 2);
            case 4 -> b.getShort(i * 2) & 0xFFFF;
            case 5 -> b.getInt(i * 4);
            case 6 -> b.getInt(i * 4) & 0xFFFFFFFFL;
            case 7 -> b.getFloat(i * 4);
            case 9 -> (float) b.getDouble(i * 8);
            default -> b.getLong(i * 8);
          };
    }
    return new MatValue.Numeric(classId, dims, v);
  }

  /** The data of a small element (at most {@code max} bytes), its padding consumed. */
  private ByteBuffer data(Tag t, int max, long end) throws IOException {
    if (t.bytes() > max) {
      throw new MatException("element of " + t.bytes() + " bytes where at most " + max + " fit");
    }
    if (t.inline() != null) {
      return t.inline().duplicate().order(t.inline().order());
    }
    if (t.padded() > left(end)) {
      throw new MatException("element of " + t.bytes() + " bytes, but " + left(end) + " left");
    }
    ByteBuffer b = in.bytes((int) t.bytes());
    in.skip(t.padded() - t.bytes());
    return b;
  }

  private long left(long end) {
    return end - in.position();
  }
}

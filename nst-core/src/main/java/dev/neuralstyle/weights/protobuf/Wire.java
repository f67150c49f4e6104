package dev.neuralstyle.weights.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A bounded reader of the protobuf wire format over a slice of a mapped file: varints (at most 10
 * bytes), fixed 32/64-bit values and length-delimited fields whose length is checked against what
 * is left of the enclosing message before anything is read. Groups (wire types 3 and 4) are
 * refused. Positions are absolute byte offsets in the file, for messages.
 */
final class Wire {
  /** Wire type of varints. */
  static final int VARINT = 0;

  /** Wire type of 64-bit values. */
  static final int FIXED64 = 1;

  /** Wire type of strings, bytes, messages and packed arrays. */
  static final int LENGTH = 2;

  /** Wire type of 32-bit values. */
  static final int FIXED32 = 5;

  /** A malformed message; the reader adds the file name. */
  static final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WireException(String message) {
      super(message);
    }
  }

  private final ByteBuffer buf;
  private final int end;
  private int pos;
  private int lastTag;

  /** Reads bytes {@code start} to {@code end} of {@code buf}. */
  Wire(ByteBuffer buf, int start, int end) {
    this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.pos = start;
    this.end = end;
  }

  boolean hasMore() {
    return pos < end;
  }

  int position() {
    return pos;
  }

  /** Reads the next tag; returns the field number (the wire type is {@link #wireType()}). */
  int next() {
    int at = pos;
    long tag = varint();
    int wire = (int) (tag & 7);
    long field = tag >>> 3;
    if (field < 1 || field > 536_870_911 || wire == 3 || wire == 4 || wire > 5) {
      throw fail(at, "field tag " + tag + " (field " + field + ", wire type " + wire + ")");
    }
    lastTag = (int) tag;
    return (int) field;
  }

  int wireType() {
    return lastTag & 7;
  }

  long varint() {
    int at = pos;
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (pos >= end) {
        throw fail(at, "varint runs past the end of its message (truncated?)");
      }
      int b = buf.get(pos++) & 0xFF;
      if (shift == 63 && b > 1) {
        throw fail(at, "varint longer than 64 bits");
      }
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw fail(at, "varint longer than 10 bytes");
  }

  /** A varint that must fit a non-negative int, e.g. a count or a dimension. */
  int smallVarint(String what) {
    int at = pos;
    long v = varint();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw fail(at, what + " " + Long.toUnsignedString(v) + " is out of range");
    }
    return (int) v;
  }

  float fixed32Float() {
    need(4);
    float f = buf.getFloat(pos);
    pos += 4;
    return f;
  }

  double fixed64Double() {
    need(8);
    double d = buf.getDouble(pos);
    pos += 8;
    return d;
  }

  /**
   * The bounds of the next length-delimited value, {@code {start, end}}; the reader moves past it.
   */
  int[] region() {
    int at = pos;
    long length = varint();
    if (length < 0 || length > end - pos) {
      throw fail(
          at,
          "length "
              + Long.toUnsignedString(length)
              + " runs past the end of its message ("
              + (end - pos)
              + " bytes left)");
    }
    int start = pos;
    pos += (int) length;
    return new int[] {start, pos};
  }

  /** A reader of the next embedded message. */
  Wire message() {
    int[] r = region();
    return new Wire(buf, r[0], r[1]);
  }

  /** The next string field, refused when longer than {@code max} bytes. */
  String string(int max) {
    int[] r = region();
    if (r[1] - r[0] > max) {
      throw fail(r[0], "string of " + (r[1] - r[0]) + " bytes (limit " + max + ")");
    }
    byte[] b = new byte[r[1] - r[0]];
    buf.get(r[0], b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Skips the value of the field just read. */
  void skip() {
    switch (wireType()) {
      case VARINT -> varint();
      case FIXED64 -> {
        need(8);
        pos += 8;
      }
      case LENGTH -> region();
      case FIXED32 -> {
        need(4);
        pos += 4;
      }
      default -> throw fail(pos, "wire type " + wireType());
    }
  }

  /** Requires the wire type of the field just read to be {@code wire}. */
  void expect(int wire, String field) {
    if (wireType() != wire) {
      throw fail(pos, field + " has wire type " + wireType() + ", expected " + wire);
    }
  }

  ByteBuffer buffer() {
    return buf;
  }

  private void need(int n) {
    if (end - pos < n) {
      throw fail(pos, n + "-byte value runs past the end of its message (truncated?)");
    }
  }

  static WireException fail(int at, String message) {
    return new WireException("byte " + at + ": " + message);
  }
}

package dev.neuralstyle.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Emits pickle protocol-2 opcodes one by one, the way {@code torch.save} does, so tests can build
 * {@code .pth} files (and malicious pickles) byte by byte. Methods return {@code this} for
 * chaining.
 */
public final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** {@code PROTO 2}. */
  public PickleWriter proto() {
    return op(0x80).op(2);
  }

  /** {@code GLOBAL 'module name'}. */
  public PickleWriter global(String module, String name) {
    op('c');
    byte[] text = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(text, 0, text.length);
    return this;
  }

  /** {@code MARK}. */
  public PickleWriter mark() {
    return op('(');
  }

  /** {@code BINUNICODE}. */
  public PickleWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    op('X').int32(b.length);
    out.write(b, 0, b.length);
    return this;
  }

  /** The shortest of BININT1, BININT2, BININT and LONG1 for {@code v}. */
  public PickleWriter integer(long v) {
    if (v >= 0 && v < 256) {
      return op('K').op((int) v);
    }
    if (v >= 0 && v < 65536) {
      return op('M').op((int) (v & 0xFF)).op((int) (v >>> 8));
    }
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      return op('J').int32((int) v);
    }
    op(0x8A).op(8);
    for (int i = 0; i < 8; i++) {
      op((int) (v >>> (8 * i)) & 0xFF);
    }
    return this;
  }

  /** {@code NEWTRUE} or {@code NEWFALSE}. */
  public PickleWriter bool(boolean b) {
    return op(b ? 0x88 : 0x89);
  }

  /** {@code NONE}. */
  public PickleWriter none() {
    return op('N');
  }

  /** {@code TUPLE} (closes the last mark). */
  public PickleWriter tuple() {
    return op('t');
  }

  /** {@code EMPTY_TUPLE}. */
  public PickleWriter emptyTuple() {
    return op(')');
  }

  /** {@code EMPTY_DICT}. */
  public PickleWriter emptyDict() {
    return op('}');
  }

  /** {@code EMPTY_LIST}. */
  public PickleWriter emptyList() {
    return op(']');
  }

  /** {@code APPENDS} (closes the last mark). */
  public PickleWriter appends() {
    return op('e');
  }

  /** {@code SETITEMS} (closes the last mark). */
  public PickleWriter setItems() {
    return op('u');
  }

  /** {@code REDUCE}. */
  public PickleWriter reduce() {
    return op('R');
  }

  /** {@code BINPERSID}. */
  public PickleWriter persistentId() {
    return op('Q');
  }

  /** {@code BINPUT} (index below 256) or {@code LONG_BINPUT}. */
  public PickleWriter put(int index) {
    return index < 256 ? op('q').op(index) : op('r').int32(index);
  }

  /** {@code BINGET} (index below 256) or {@code LONG_BINGET}. */
  public PickleWriter get(int index) {
    return index < 256 ? op('h').op(index) : op('j').int32(index);
  }

  /** {@code STOP}. */
  public PickleWriter stop() {
    return op('.');
  }

  /** Any single byte, e.g. a forbidden opcode. */
  public PickleWriter op(int b) {
    out.write(b);
    return this;
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private PickleWriter int32(int v) {
    for (int i = 0; i < 4; i++) {
      out.write((v >>> (8 * i)) & 0xFF);
    }
    return this;
  }
}

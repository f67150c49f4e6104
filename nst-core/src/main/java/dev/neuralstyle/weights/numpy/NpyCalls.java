package dev.neuralstyle.weights.numpy;

import dev.neuralstyle.weights.numpy.NpyValues.Array;
import dev.neuralstyle.weights.numpy.NpyValues.Bytes;
import dev.neuralstyle.weights.numpy.NpyValues.Dtype;
import dev.neuralstyle.weights.numpy.NpyValues.Global;
import dev.neuralstyle.weights.numpy.NpyValues.Tuple;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What REDUCE and BUILD mean for the five allowed globals: {@code _reconstruct(ndarray, (0,),
 * b'b')} makes an empty {@link Array}, {@code dtype(name, False, True)} a {@link Dtype}, {@code
 * _codecs.encode(text, 'latin1')} the bytes of a Python-3 protocol-2 pickle; BUILD fills arrays
 * with {@code (version, shape, dtype, fortran, data)} and dtypes with their byte order. Nothing
 * else can be called or built.
 */
final class NpyCalls {
  private NpyCalls() {}

  static Object reduce(Object callable, Object args, NpyUnpickler.Failure fail) {
    if (!(callable instanceof Global g) || !(args instanceof Tuple t)) {
      throw fail.at(0, "REDUCE of " + NpyValues.describe(callable) + " is not allowed");
    }
    List<Object> a = t.items();
    switch (g.name()) {
      case "_reconstruct" -> {
        if (a.size() != 3 || !(a.get(0) instanceof Global cls) || !cls.name().equals("ndarray")) {
          throw fail.at(0, "_reconstruct needs (numpy.ndarray, shape, typecode)");
        }
        return new Array();
      }
      case "dtype" -> {
        if (a.isEmpty() || a.size() > 3) {
          throw fail.at(0, "dtype needs 1 to 3 arguments, found " + a.size());
        }
        return new Dtype(text(a.get(0), fail));
      }
      case "encode" -> {
        if (a.size() != 2 || !("latin1".equals(a.get(1)) || "latin-1".equals(a.get(1)))) {
          throw fail.at(0, "_codecs.encode is allowed only as encode(text, 'latin1')");
        }
        return latin1(a.get(0), fail);
      }
      default -> throw fail.at(0, "REDUCE of " + NpyValues.describe(g) + " is not allowed");
    }
  }

  static void build(Object target, Object state, NpyUnpickler.Failure fail) {
    if (!(state instanceof Tuple t)) {
      throw fail.at(0, "BUILD state " + NpyValues.describe(state) + " is not a tuple");
    }
    List<Object> s = t.items();
    if (target instanceof Dtype d) {
      if (s.size() < 5 || s.size() > 9) {
        throw fail.at(0, "dtype state of " + s.size() + " items (5 to 9 expected)");
      }
      d.byteOrder = text(s.get(1), fail);
      return;
    }
    if (!(target instanceof Array a) || a.built()) {
      throw fail.at(0, "BUILD on " + NpyValues.describe(target) + " is not allowed");
    }
    int base = s.size() == 5 ? 1 : 0;
    if (s.size() != 5 && s.size() != 4) {
      throw fail.at(0, "ndarray state of " + s.size() + " items (4 or 5 expected)");
    }
    if (!(s.get(base) instanceof Tuple shape)
        || !(s.get(base + 1) instanceof Dtype dtype)
        || !(s.get(base + 2) instanceof Boolean fortran)) {
      throw fail.at(0, "ndarray state is not (shape, dtype, fortran, data)");
    }
    long[] dims = new long[shape.items().size()];
    for (int i = 0; i < dims.length; i++) {
      if (!(shape.items().get(i) instanceof Long n) || n < 0) {
        throw fail.at(0, "ndarray shape entry " + NpyValues.describe(shape.items().get(i)));
      }
      dims[i] = n;
    }
    a.shape = dims;
    a.dtype = dtype;
    a.fortran = fortran;
    a.data = s.get(base + 3);
  }

  private static Bytes latin1(Object text, NpyUnpickler.Failure fail) {
    if (text instanceof String str) {
      byte[] b = new byte[str.length()];
      for (int i = 0; i < b.length; i++) {
        char c = str.charAt(i);
        if (c > 0xFF) {
          throw fail.at(0, "latin1 text holds U+" + Integer.toHexString(c));
        }
        b[i] = (byte) c;
      }
      return new Bytes(ByteBuffer.wrap(b), 0, b.length, false, b.length);
    }
    if (text instanceof Bytes big && big.latin1() && big.size() < 0) {
      ByteBuffer src = big.buffer();
      long size = 0;
      for (int i = big.offset(); i < big.offset() + big.length(); i++) {
        int b = src.get(i) & 0xFF;
        if (b == 0xC2 || b == 0xC3) {
          int next = i + 1 < big.offset() + big.length() ? src.get(i + 1) & 0xFF : 0;
          if ((next & 0xC0) != 0x80) {
            throw fail.at(0, "latin1 text is not valid UTF-8 at byte " + i);
          }
          i++;
        } else if (b >= 0x80) {
          throw fail.at(0, "latin1 text holds a code point above U+00FF at byte " + i);
        }
        size++;
      }
      return new Bytes(src, big.offset(), big.length(), true, size);
    }
    throw fail.at(0, "_codecs.encode of " + NpyValues.describe(text));
  }

  /** A short text value: str, or Python-2 str / bytes decoded as latin1. */
  static String text(Object v, NpyUnpickler.Failure fail) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Bytes b && b.size() >= 0 && b.size() <= 64) {
      return b.text();
    }
    throw fail.at(0, "expected a short string, found " + NpyValues.describe(v));
  }
}

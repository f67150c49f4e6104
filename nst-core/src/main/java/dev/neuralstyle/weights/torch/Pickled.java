package dev.neuralstyle.weights.torch;

import dev.neuralstyle.weights.tensor.DType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values {@link RestrictedUnpickler} produces besides strings, {@code Long}s, {@code
 * BigInteger}s and {@code Boolean}s: tuples, lists, dicts, the symbolic stand-ins for allowed
 * globals, Python's {@code None}, and the tensor references that {@code torch._utils
 * _rebuild_tensor*} calls turn into.
 *
 * <p>A pickle can nest containers arbitrarily deep and make lists and dicts contain themselves
 * (through the memo). So no value here ever recurses without a bound: tuples are refused deeper
 * than {@link #MAX_DEPTH} when they are built (so their {@code hashCode}/{@code equals} are
 * bounded), only hashable values (no list or dict, as in Python) may be dict keys, and every {@code
 * toString} is {@link #show}, which renders at most a few levels and characters.
 */
final class Pickled {
  /** How deep tuples may nest (Python's own pickles of state dicts nest 3 deep). */
  static final int MAX_DEPTH = 100;

  private static final int SHOW_DEPTH = 3;
  private static final int SHOW_CHARS = 120;

  /** Python's {@code None}. */
  static final Object NONE =
      new Object() {
        @Override
        public String toString() {
          return "None";
        }
      };

  private Pickled() {}

  /** An immutable Python tuple of at most {@link #MAX_DEPTH} nested tuples. */
  record Tuple(List<Object> items, int depth) {
    Tuple(List<Object> items) {
      this(items, depthOf(items));
    }

    Tuple {
      items = List.copyOf(items);
    }

    int size() {
      return items.size();
    }

    Object get(int i) {
      return items.get(i);
    }

    @Override
    public String toString() {
      return show(this);
    }

    private static int depthOf(List<Object> items) {
      int d = 0;
      for (Object o : items) {
        if (o instanceof Tuple t) {
          d = Math.max(d, t.depth);
        }
      }
      return d + 1;
    }
  }

  /** A Python list (mutable; never hashed; printed through {@link #show}). */
  static final class PyList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return show(this);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** A Python dict in insertion order (never hashed; printed through {@link #show}). */
  static final class PyDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return show(this);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** An allowed {@code module name} global, kept as a symbol and never resolved to code. */
  record Global(String module, String name) {
    @Override
    public String toString() {
      return module + "." + name;
    }
  }

  /**
   * A storage named by a persistent id: the key of the stored record, element type, the number of
   * elements visible through this reference and where they start in the record ({@code base},
   * non-zero only for the storage views of old files).
   */
  record StorageRef(String key, DType dtype, long numel, long base) {}

  /** A tensor view of a storage: offset, sizes and strides in elements. */
  record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}

  /** Whether {@code v} may be a dict key: a scalar, a global, or a tuple of such (as in Python). */
  static boolean hashable(Object v) {
    if (v instanceof Tuple t) {
      for (Object o : t.items()) { // bounded: tuples nest at most MAX_DEPTH deep
        if (!hashable(o)) {
          return false;
        }
      }
      return true;
    }
    return v instanceof String
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Boolean
        || v instanceof Double
        || v instanceof Global
        || v == NONE;
  }

  /** The Python type name of {@code v}, for messages. */
  static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long || v instanceof BigInteger) {
      return "int";
    }
    if (v instanceof Tuple) {
      return "tuple";
    }
    if (v instanceof List) {
      return "list";
    }
    if (v instanceof Map) {
      return "dict";
    }
    if (v instanceof Global) {
      return "global " + v;
    }
    if (v instanceof StorageRef) {
      return "storage";
    }
    if (v instanceof TensorRef) {
      return "tensor";
    }
    if (v == NONE) {
      return "None";
    }
    return v == null ? "nothing" : v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * {@code v} as a short, one-line, printable text: at most {@value #SHOW_DEPTH} levels and about
   * {@value #SHOW_CHARS} characters, control characters escaped.
   */
  static String show(Object v) {
    StringBuilder sb = new StringBuilder();
    show(v, SHOW_DEPTH, sb);
    return sb.toString();
  }

  private static void show(Object v, int depth, StringBuilder sb) {
    if (sb.length() > SHOW_CHARS) {
      sb.append('…');
      return;
    }
    if (v instanceof String s) {
      sb.append('\'').append(printable(s, 40)).append('\'');
    } else if (v instanceof Tuple || v instanceof List || v instanceof Map) {
      String[] brackets = v instanceof Tuple ? new String[] {"(", ")"} : new String[] {"[", "]"};
      if (v instanceof Map) {
        brackets = new String[] {"{", "}"};
      }
      if (depth == 0) {
        sb.append(brackets[0]).append('…').append(brackets[1]);
        return;
      }
      sb.append(brackets[0]);
      Iterable<?> items = v instanceof Tuple t ? t.items() : v instanceof List<?> l ? l : null;
      if (items == null) {
        items = ((Map<?, ?>) v).entrySet();
      }
      boolean first = true;
      for (Object o : items) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        if (sb.length() > SHOW_CHARS) {
          sb.append('…');
          break;
        }
        if (o instanceof Map.Entry<?, ?> e) {
          show(e.getKey(), depth - 1, sb);
          sb.append(": ");
          show(e.getValue(), depth - 1, sb);
        } else {
          show(o, depth - 1, sb);
        }
      }
      sb.append(brackets[1]);
    } else if (v instanceof StorageRef || v instanceof TensorRef) {
      sb.append(typeName(v));
    } else {
      sb.append(printable(String.valueOf(v), 40));
    }
  }

  /** {@code s} cut to {@code max} characters with control characters shown as {@code \\uXXXX}. */
  static String printable(String s, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (sb.length() >= max) {
        return sb.append('…').toString();
      }
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

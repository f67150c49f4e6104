package dev.neuralstyle.weights.numpy;

import dev.neuralstyle.weights.numpy.NpyValues.Bytes;
import dev.neuralstyle.weights.numpy.NpyValues.Global;
import dev.neuralstyle.weights.numpy.NpyValues.Tuple;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pickle virtual machine for numpy object arrays (WEIGHT-FORMATS section 11a): protocols 2 to 4,
 * the Python-2 string opcodes, and five globals kept as symbols ({@code _reconstruct} in both
 * {@code numpy.core} and {@code numpy._core}, {@code numpy ndarray}, {@code numpy dtype}, {@code
 * _codecs encode}). Any other opcode or global is refused before anything is built. The VM is
 * iterative; stack, marks and memo are capped, byte strings stay regions of the mapped file, and
 * dict keys must be strings or integers (no hashing of nested values). Kept apart from the {@code
 * .pth} unpickler on purpose: its allow-list and value model are numpy's, not torch's.
 */
final class NpyUnpickler {
  static final int MAX_STACK = 1_000_000;
  static final int MAX_MARKS = 1_000;
  static final int MAX_MEMO = 1_000_000;
  private static final int MAX_LINE = 256;
  private static final int MAX_STRING = 1 << 16;

  private static final Set<String> GLOBALS =
      Set.of(
          "numpy.core.multiarray _reconstruct",
          "numpy._core.multiarray _reconstruct",
          "numpy ndarray",
          "numpy dtype",
          "_codecs encode");

  /** A refusal or a malformed pickle; the reader adds the file name. */
  static final class PickleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PickleException(String message) {
      super(message);
    }
  }

  private final ByteBuffer in;
  private final List<Object> stack = new ArrayList<>();
  private final Deque<Integer> marks = new ArrayDeque<>();
  private final Map<Long, Object> memo = new HashMap<>();
  private int protocol = 0;
  private final Set<String> modules = new java.util.TreeSet<>();

  NpyUnpickler(ByteBuffer in) {
    this.in = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The pickle protocol the stream declared (0 if it had no PROTO). */
  int protocol() {
    return protocol;
  }

  /** The modules of the globals the stream used, e.g. {@code numpy.core.multiarray}. */
  Set<String> modules() {
    return modules;
  }

  /** Runs to STOP and returns the value; fails on bytes left after it. */
  Object load() {
    try {
      while (true) {
        int at = in.position();
        int op = in.get() & 0xFF;
        if (op == '.') {
          if (stack.size() != 1 || !marks.isEmpty()) {
            throw fail(at, "STOP with " + stack.size() + " values on the stack");
          }
          if (in.hasRemaining()) {
            throw fail(in.position(), in.remaining() + " bytes after STOP");
          }
          return stack.get(0);
        }
        step(op, at);
        if (stack.size() > MAX_STACK) {
          throw fail(at, "stack deeper than " + MAX_STACK);
        }
      }
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw fail(in.position(), "the pickle ends before its STOP opcode (file truncated?)");
    }
  }

  private void step(int op, int at) {
    switch (op) {
      case 0x80 -> {
        protocol = in.get() & 0xFF;
        if (protocol < 2 || protocol > 4) {
          throw fail(at, "pickle protocol " + protocol + " (2 to 4 are accepted)");
        }
      }
      case 0x95 -> {
        long frame = in.getLong();
        if (frame < 0 || frame > in.remaining()) {
          throw fail(at, "FRAME of " + frame + " bytes, but " + in.remaining() + " remain");
        }
      }
      case '(' -> {
        if (marks.size() >= MAX_MARKS) {
          throw fail(at, "more than " + MAX_MARKS + " nested MARKs");
        }
        marks.push(stack.size());
      }
      case 'c' -> push(global(line(at), line(at), at));
      case 0x93 -> {
        String name = string(pop(at), at);
        push(global(string(pop(at), at), name, at));
      }
      case 'R' -> {
        Object args = pop(at);
        push(NpyCalls.reduce(pop(at), args, (where, msg) -> fail(at, msg)));
      }
      case 'b' -> {
        Object state = pop(at);
        NpyCalls.build(peek(at), state, (where, msg) -> fail(at, msg));
      }
      case ')' -> push(new Tuple(List.of()));
      case 't' -> push(new Tuple(popMark(at)));
      case 0x85 -> push(new Tuple(List.of(pop(at))));
      case 0x86 -> {
        Object b = pop(at);
        push(new Tuple(List.of(pop(at), b)));
      }
      case 0x87 -> {
        Object c = pop(at);
        Object b = pop(at);
        push(new Tuple(List.of(pop(at), b, c)));
      }
      case ']' -> push(new ArrayList<>());
      case 'l' -> push(new ArrayList<>(popMark(at)));
      case 'a' -> {
        Object v = pop(at);
        list(peek(at), at).add(v);
      }
      case 'e' -> {
        List<Object> items = popMark(at);
        list(peek(at), at).addAll(items);
      }
      case '}' -> push(new LinkedHashMap<>());
      case 'd' -> {
        Map<Object, Object> m = new LinkedHashMap<>();
        putAll(m, popMark(at), at);
        push(m);
      }
      case 's' -> {
        Object v = pop(at);
        Object k = pop(at);
        putAll(dict(peek(at), at), List.of(k, v), at);
      }
      case 'u' -> {
        List<Object> items = popMark(at);
        putAll(dict(peek(at), at), items, at);
      }
      case 'X' -> push(unicode(u32(), at));
      case 0x8C -> push(unicode(in.get() & 0xFF, at));
      case 0x8D -> push(unicode(u64(at), at));
      case 'U', 'C' -> push(bytes(in.get() & 0xFF, at));
      case 'T', 'B' -> push(bytes(op == 'T' ? in.getInt() : u32(), at));
      case 0x8E -> push(bytes(u64(at), at));
      case 'J' -> push((long) in.getInt());
      case 'K' -> push((long) (in.get() & 0xFF));
      case 'M' -> push((long) (in.getShort() & 0xFFFF));
      case 0x8A -> push(long1(at));
      case 'N' -> push(NpyValues.NONE);
      case 0x88 -> push(true);
      case 0x89 -> push(false);
      case 'q' -> memoize(in.get() & 0xFF, at);
      case 'r' -> memoize(u32(), at);
      case 0x94 -> memoize(memo.size(), at);
      case 'h' -> push(recall(in.get() & 0xFF, at));
      case 'j' -> push(recall(u32(), at));
      default ->
          throw fail(
              at,
              String.format(
                  "opcode 0x%02X%s is not allowed in a numpy weights pickle",
                  op, op >= 0x20 && op < 0x7F ? " ('" + (char) op + "')" : ""));
    }
  }

  private Global global(String module, String name, int at) {
    String key = module + " " + name;
    if (!GLOBALS.contains(key)) {
      throw fail(at, "global " + module + "." + name + " is not allowed (only numpy arrays)");
    }
    modules.add(module);
    return new Global(module, name);
  }

  private String line(int at) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int b = in.get() & 0xFF;
      if (b == '\n') {
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE || b < 0x20 || b >= 0x7F) {
        throw fail(at, "GLOBAL name is not a short line of text");
      }
      sb.append((char) b);
    }
  }

  private Object unicode(long length, int at) {
    int start = region(length, at);
    if (length <= MAX_STRING) {
      byte[] b = new byte[(int) length];
      in.duplicate().position(start).get(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    return new Bytes(in, start, (int) length, true, -1);
  }

  private Bytes bytes(long length, int at) {
    int start = region(length, at);
    return new Bytes(in, start, (int) length, false, length);
  }

  private int region(long length, int at) {
    if (length < 0 || length > in.remaining()) {
      throw fail(at, "string of " + length + " bytes, but only " + in.remaining() + " remain");
    }
    int start = in.position();
    in.position(start + (int) length);
    return start;
  }

  private long long1(int at) {
    int n = in.get() & 0xFF;
    if (n > 8) {
      throw fail(at, "LONG1 of " + n + " bytes (at most 8 accepted)");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) (in.get() & 0xFF) << (8 * i);
    }
    if (n > 0 && n < 8 && (v >>> (8 * n - 1) & 1) == 1) {
      v -= 1L << (8 * n);
    }
    return v;
  }

  private long u32() {
    return in.getInt() & 0xFFFFFFFFL;
  }

  private long u64(int at) {
    long v = in.getLong();
    if (v < 0) {
      throw fail(at, "length " + Long.toUnsignedString(v) + " is beyond any file");
    }
    return v;
  }

  private void memoize(long key, int at) {
    if (memo.size() >= MAX_MEMO && !memo.containsKey(key)) {
      throw fail(at, "memo larger than " + MAX_MEMO);
    }
    memo.put(key, peek(at));
  }

  private Object recall(long key, int at) {
    Object v = memo.get(key);
    if (v == null) {
      throw fail(at, "memo slot " + key + " is empty");
    }
    return v;
  }

  private static String string(Object v, int at) {
    if (v instanceof String s) {
      return s;
    }
    throw new PickleException("at byte " + at + ": STACK_GLOBAL needs strings");
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object v, int at) {
    if (v instanceof ArrayList<?> l) {
      return (List<Object>) l;
    }
    throw fail(at, "APPEND to " + NpyValues.describe(v));
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object v, int at) {
    if (v instanceof LinkedHashMap<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    throw fail(at, "SETITEM on " + NpyValues.describe(v));
  }

  private void putAll(Map<Object, Object> m, List<Object> items, int at) {
    if (items.size() % 2 != 0) {
      throw fail(at, "odd number of dict items");
    }
    for (int i = 0; i < items.size(); i += 2) {
      Object k = items.get(i);
      if (k instanceof Bytes b && b.size() >= 0 && b.size() <= MAX_LINE) {
        k = b.text();
      }
      if (!(k instanceof String || k instanceof Long)) {
        throw fail(at, "dict key of type " + NpyValues.describe(k) + " (only str and int keys)");
      }
      if (m.put(k, items.get(i + 1)) != null) {
        throw fail(at, "duplicate dict key " + NpyValues.describe(k));
      }
    }
  }

  private List<Object> popMark(int at) {
    if (marks.isEmpty()) {
      throw fail(at, "no MARK to pop to");
    }
    int base = marks.pop();
    List<Object> top = new ArrayList<>(stack.subList(base, stack.size()));
    stack.subList(base, stack.size()).clear();
    return top;
  }

  private void push(Object v) {
    stack.add(v);
  }

  private Object pop(int at) {
    int floor = marks.isEmpty() ? 0 : marks.peek();
    if (stack.size() <= floor) {
      throw fail(at, "stack underflow");
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek(int at) {
    int floor = marks.isEmpty() ? 0 : marks.peek();
    if (stack.size() <= floor) {
      throw fail(at, "stack underflow");
    }
    return stack.get(stack.size() - 1);
  }

  PickleException fail(int at, String message) {
    return new PickleException("pickle byte " + at + ": " + message);
  }

  /** Reports a refusal at a position. */
  @FunctionalInterface
  interface Failure {
    PickleException at(int where, String message);
  }
}

package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A pickle virtual machine that only understands what {@code torch.save} writes for a state dict
 * (WEIGHT-FORMATS section 6): a fixed set of protocol-2 opcodes and a handful of globals that are
 * kept as symbols and never resolved to code. Everything else, including {@code os system}, {@code
 * builtins eval} and any {@code torch.nn} class, is refused with an {@link NstException} before
 * anything is built. Memo size and stack depth are capped.
 */
final class RestrictedUnpickler {
  static final int MAX_MEMO = 1_000_000;
  static final int MAX_STACK = 1_000_000;
  static final int MAX_MARKS = 1_000;

  private static final Set<String> GLOBALS =
      Set.of(
          "collections OrderedDict",
          "torch._utils _rebuild_tensor_v2",
          "torch._utils _rebuild_tensor",
          "torch._utils _rebuild_parameter",
          "torch FloatStorage",
          "torch HalfStorage",
          "torch BFloat16Storage",
          "torch DoubleStorage",
          "torch FloatTensor",
          "torch HalfTensor",
          "torch BFloat16Tensor",
          "torch DoubleTensor");

  private final Path file;
  private final String what;
  private final ByteBuffer in;
  private final Function<Object, Object> persistentLoad;
  private final List<Object> stack = new ArrayList<>();
  private final Deque<Integer> marks = new ArrayDeque<>();
  private final Map<Long, Object> memo = new HashMap<>();

  /**
   * Creates a VM reading from {@code in} at its position.
   *
   * @param file the weights file, for messages
   * @param what which pickle this is (e.g. {@code data.pkl}), for messages
   * @param persistentLoad turns a BINPERSID id into a value; may throw {@link NstException}
   */
  RestrictedUnpickler(
      Path file, String what, ByteBuffer in, Function<Object, Object> persistentLoad) {
    this.file = file;
    this.what = what;
    this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    this.persistentLoad = persistentLoad;
  }

  /** Runs until STOP and returns the pickled value; {@code in} is left just after the STOP. */
  Object load() {
    stack.clear();
    marks.clear();
    memo.clear();
    try {
      while (true) {
        int op = in.get() & 0xFF;
        if (op == '.') {
          if (stack.size() != 1 || !marks.isEmpty()) {
            throw fail("STOP with " + stack.size() + " values on the stack");
          }
          return stack.get(0);
        }
        step(op);
        if (stack.size() > MAX_STACK) {
          throw fail("stack grows beyond " + MAX_STACK + " values");
        }
      }
    } catch (BufferUnderflowException e) {
      throw fail("ends before its STOP opcode (file truncated?)");
    } catch (IndexOutOfBoundsException | ClassCastException e) {
      throw fail("is malformed near byte " + in.position());
    }
  }

  private void step(int op) {
    switch (op) {
      case 0x80: // PROTO
        int proto = in.get() & 0xFF;
        if (proto > 4) {
          throw fail("uses pickle protocol " + proto + "; at most 4 is supported");
        }
        break;
      case 0x95: // FRAME (protocol 4): the frame length is only a read-ahead hint
        in.getLong();
        break;
      case '(': // MARK
        if (marks.size() >= MAX_MARKS) {
          throw fail("nests more than " + MAX_MARKS + " marks");
        }
        marks.push(stack.size());
        break;
      case 'c': // GLOBAL
        push(global(line(), line()));
        break;
      case 'R': // REDUCE
        Object args = pop();
        push(PickleCalls.reduce(this, pop(), args));
        break;
      case 'b': // BUILD
        Object state = pop();
        PickleCalls.build(this, peek(), state);
        break;
      case 'Q': // BINPERSID
        push(persistentLoad.apply(pop()));
        break;
      case ')': // EMPTY_TUPLE
        push(new Pickled.Tuple(List.of()));
        break;
      case 't': // TUPLE
        push(tuple(popMark()));
        break;
      case 0x85: // TUPLE1
        push(tuple(List.of(pop())));
        break;
      case 0x86: // TUPLE2
        Object b2 = pop();
        push(tuple(List.of(pop(), b2)));
        break;
      case 0x87: // TUPLE3
        Object c3 = pop();
        Object b3 = pop();
        push(tuple(List.of(pop(), b3, c3)));
        break;
      case ']': // EMPTY_LIST
        push(new Pickled.PyList());
        break;
      case 'a': // APPEND
        Object item = pop();
        list(peek()).add(item);
        break;
      case 'e': // APPENDS
        List<Object> items = popMark();
        list(peek()).addAll(items);
        break;
      case '}': // EMPTY_DICT
        push(new Pickled.PyDict());
        break;
      case 's': // SETITEM
        Object value = pop();
        Object key = pop();
        put(peek(), key, value);
        break;
      case 'u': // SETITEMS
        List<Object> kv = popMark();
        if (kv.size() % 2 != 0) {
          throw fail("has SETITEMS with an odd number of values");
        }
        for (int i = 0; i < kv.size(); i += 2) {
          put(peek(), kv.get(i), kv.get(i + 1));
        }
        break;
      default:
        PickleScalars.step(this, op, in);
    }
  }

  private Pickled.Global global(String module, String name) {
    String full = module + " " + name;
    if (!GLOBALS.contains(full)) {
      throw fail(
          "refers to global "
              + module
              + "."
              + name
              + ", which is not allowed in a weights file (refused; nothing was executed)");
    }
    return new Pickled.Global(module, name);
  }

  private String line() {
    StringBuilder sb = new StringBuilder();
    for (int b = in.get(); b != '\n'; b = in.get()) {
      if (sb.length() > 200 || b < 0x20 || b > 0x7E) {
        throw fail("has a malformed GLOBAL name");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  private void put(Object target, Object key, Object value) {
    if (!(target instanceof Map)) {
      throw fail("sets an item on a " + describe(target) + ", not a dict");
    }
    @SuppressWarnings("unchecked")
    Map<Object, Object> map = (Map<Object, Object>) target;
    if (!Pickled.hashable(key)) {
      throw fail("uses a " + describe(key) + " as a dict key (unhashable)");
    }
    if (map.containsKey(key)) {
      throw fail("has duplicate key " + (key instanceof String k ? k : Pickled.show(key)));
    }
    map.put(key, value);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object target) {
    if (!(target instanceof Pickled.PyList)) {
      throw fail("appends to a " + describe(target) + ", not a list");
    }
    return (List<Object>) target;
  }

  private List<Object> popMark() {
    if (marks.isEmpty()) {
      throw fail("uses a MARK that was never set");
    }
    int at = marks.pop();
    List<Object> sub = stack.subList(at, stack.size());
    List<Object> items = new ArrayList<>(sub);
    sub.clear();
    return items;
  }

  void push(Object value) {
    stack.add(value);
  }

  Object pop() {
    int floor = marks.isEmpty() ? 0 : marks.peek();
    if (stack.size() <= floor) {
      throw fail("pops from an empty stack");
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek() {
    if (stack.isEmpty()) {
      throw fail("reads from an empty stack");
    }
    return stack.get(stack.size() - 1);
  }

  void memoPut(long index) {
    if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
      throw fail("memoises more than " + MAX_MEMO + " values");
    }
    memo.put(index, peek());
  }

  int memoSize() {
    return memo.size();
  }

  Object memoGet(long index) {
    Object v = memo.get(index);
    if (v == null) {
      throw fail("reads memo slot " + index + " that was never written");
    }
    return v;
  }

  /** An error naming the file and this pickle. */
  NstException fail(String problem) {
    return new NstException("weights file " + file + ": pickle " + what + " " + problem);
  }

  static String describe(Object v) {
    return Pickled.typeName(v);
  }

  private Pickled.Tuple tuple(List<Object> items) {
    Pickled.Tuple t = new Pickled.Tuple(items);
    if (t.depth() > Pickled.MAX_DEPTH) {
      throw fail("nests tuples more than " + Pickled.MAX_DEPTH + " deep");
    }
    return t;
  }

  static Object integer(BigInteger v) {
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  static String utf8(ByteBuffer in, long length) {
    if (length < 0 || length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] bytes = new byte[(int) length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

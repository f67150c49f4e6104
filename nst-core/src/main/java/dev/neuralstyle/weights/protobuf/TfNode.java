package dev.neuralstyle.weights.protobuf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code NodeDef} of a frozen GraphDef (WEIGHT-FORMATS section 11b): name (1), op (2), inputs
 * (3) and the attributes (5, a map of {@code AttrValue}) this reader looks at, kept as regions and
 * decoded on demand: {@code s} (2), {@code list.i} (1/3), {@code type} (6) and {@code tensor} (8).
 */
final class TfNode {
  private static final int MAX_TEXT = 1 << 16;
  private static final int MAX_INPUTS = 10_000;

  final String name;
  final String op;
  final List<String> inputs;
  private final Map<String, int[]> attrs;
  private final ByteBuffer buf;

  private TfNode(
      String name, String op, List<String> inputs, Map<String, int[]> attrs, ByteBuffer buf) {
    this.name = name;
    this.op = op;
    this.inputs = inputs;
    this.attrs = attrs;
    this.buf = buf;
  }

  static TfNode parse(Wire w) {
    String name = "";
    String op = "";
    List<String> inputs = new ArrayList<>();
    Map<String, int[]> attrs = new LinkedHashMap<>();
    while (w.hasMore()) {
      int f = w.next();
      if (f == 1 && w.wireType() == Wire.LENGTH) {
        name = w.string(MAX_TEXT);
      } else if (f == 2 && w.wireType() == Wire.LENGTH) {
        op = w.string(MAX_TEXT);
      } else if (f == 3 && w.wireType() == Wire.LENGTH) {
        String in = w.string(MAX_TEXT);
        if (!in.startsWith("^")) {
          inputs.add(in);
        }
        if (inputs.size() > MAX_INPUTS) {
          throw Wire.fail(
              w.position(), "node " + name + " has more than " + MAX_INPUTS + " inputs");
        }
      } else if (f == 5 && w.wireType() == Wire.LENGTH) {
        Wire entry = w.message();
        String key = null;
        int[] value = null;
        while (entry.hasMore()) {
          int g = entry.next();
          if (g == 1 && entry.wireType() == Wire.LENGTH) {
            key = entry.string(MAX_TEXT);
          } else if (g == 2 && entry.wireType() == Wire.LENGTH) {
            value = entry.region();
          } else {
            entry.skip();
          }
        }
        if (key != null && value != null) {
          attrs.put(key, value);
        }
      } else {
        w.skip();
      }
    }
    return new TfNode(name, op, inputs, attrs, w.buffer());
  }

  /** The field {@code field} of attribute {@code key} as a reader, or {@code null}. */
  private Wire attrField(String key, int field) {
    int[] r = attrs.get(key);
    if (r == null) {
      return null;
    }
    Wire v = new Wire(buf, r[0], r[1]);
    while (v.hasMore()) {
      if (v.next() == field && v.wireType() == Wire.LENGTH) {
        return v.message();
      }
      v.skip();
    }
    return null;
  }

  boolean hasAttr(String key) {
    return attrs.containsKey(key);
  }

  /** Attribute {@code key} as a string ({@code s}), or {@code null}. */
  String string(String key) {
    int[] r = attrs.get(key);
    if (r == null) {
      return null;
    }
    Wire v = new Wire(buf, r[0], r[1]);
    while (v.hasMore()) {
      if (v.next() == 2 && v.wireType() == Wire.LENGTH) {
        return v.string(MAX_TEXT);
      }
      v.skip();
    }
    return null;
  }

  /** Attribute {@code key} as a list of ints ({@code list.i}), or {@code null}. */
  List<Long> ints(String key) {
    Wire list = attrField(key, 1);
    if (list == null) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    while (list.hasMore()) {
      if (list.next() != 3) {
        list.skip();
      } else if (list.wireType() == Wire.LENGTH) {
        Wire packed = list.message();
        while (packed.hasMore() && out.size() < 16) {
          out.add(packed.varint());
        }
      } else {
        out.add(list.varint());
      }
    }
    return out;
  }

  /** Attribute {@code key} as a tensor, or {@code null}. */
  TfTensor tensor(String key) {
    Wire t = attrField(key, 8);
    return t == null ? null : TfTensor.parse(t, buf);
  }

  /** The node an input string names: {@code name}, {@code name:k}; */
  static String nodeOf(String input) {
    int colon = input.lastIndexOf(':');
    return colon > 0 && input.substring(colon + 1).chars().allMatch(Character::isDigit)
        ? input.substring(0, colon)
        : input;
  }

  /** The output index an input string names ({@code :k}, default 0). */
  static int outputOf(String input) {
    String node = nodeOf(input);
    return node.length() == input.length()
        ? 0
        : Integer.parseInt(input.substring(node.length() + 1));
  }
}

package dev.neuralstyle.weights.protobuf;

import java.util.List;
import java.util.Map;

/**
 * The nodes of a GraphDef by name, and the few walks the readers need (all bounded, no recursion).
 */
final class TfGraph {
  private final Map<String, TfNode> nodes;

  TfGraph(Map<String, TfNode> nodes) {
    this.nodes = nodes;
  }

  int size() {
    return nodes.size();
  }

  List<TfNode> ops(String op) {
    return nodes.values().stream().filter(n -> n.op.equals(op)).toList();
  }

  /** The node an input names, following {@code Identity} nodes. */
  TfNode resolve(String input) {
    TfNode n = node(input);
    for (int i = 0; n.op.equals("Identity") && !n.inputs.isEmpty(); i++) {
      if (i > GraphDefReader.MAX_WALK) {
        throw Wire.fail(
            0, "Identity chain longer than " + GraphDefReader.MAX_WALK + " at " + n.name);
      }
      n = node(n.inputs.get(0));
    }
    return n;
  }

  TfNode node(String input) {
    TfNode n = nodes.get(TfNode.nodeOf(input));
    if (n == null) {
      throw Wire.fail(0, "input " + input + " names no node");
    }
    return n;
  }

  /** The float Const an input leads to. */
  TfTensor constant(String input, String role) {
    TfNode n = resolve(input);
    TfTensor t = n.op.equals("Const") ? n.tensor("value") : null;
    if (t == null) {
      throw Wire.fail(0, role + " is " + n.op + " node " + n.name + ", not a Const with a value");
    }
    return t;
  }

  /** The first node of one of {@code ops} whose first input resolves to {@code producer}. */
  TfNode consumer(TfNode producer, String... ops) {
    for (TfNode n : nodes.values()) {
      if (List.of(ops).contains(n.op)
          && !n.inputs.isEmpty()
          && resolve(n.inputs.get(0)) == producer) {
        return n;
      }
    }
    return null;
  }

  /**
   * The data input of {@code n} on the way back to the placeholder: the first input that is not a
   * constant ({@code Split}'s second, since its first is the axis); {@code null} at a source.
   */
  TfNode dataInput(TfNode n) {
    int from = n.op.equals("Split") ? 1 : 0;
    for (int i = from; i < n.inputs.size(); i++) {
      TfNode in = resolve(n.inputs.get(i));
      if (!in.op.equals("Const")) {
        return in;
      }
    }
    return null;
  }

  /** How many Conv2D nodes lie on the data path from {@code conv} back to its source. */
  int convsBefore(TfNode conv) {
    int count = 0;
    TfNode n = dataInput(conv);
    for (int steps = 0; n != null; steps++) {
      if (steps > GraphDefReader.MAX_WALK) {
        throw Wire.fail(
            0,
            "data path from "
                + conv.name
                + " longer than "
                + GraphDefReader.MAX_WALK
                + " nodes (a cycle?)");
      }
      if (n.op.equals("Conv2D")) {
        count++;
      }
      n = dataInput(n);
    }
    return count;
  }
}

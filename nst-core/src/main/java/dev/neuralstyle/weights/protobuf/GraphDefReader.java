package dev.neuralstyle.weights.protobuf;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.KernelLayout;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a frozen TensorFlow {@code GraphDef} ({@code vgg16.tfmodel}, WEIGHT-FORMATS section 11b)
 * without relying on node names: every {@code Conv2D} must be NHWC, stride 1 and SAME; its filter
 * is the {@code Const} its second input leads to through {@code Identity} nodes, its bias the
 * {@code Const} behind the {@code BiasAdd} (or {@code Add}) that consumes it. Convolutions are
 * ordered by how many convolutions lie between them and the input placeholder, named after their
 * scope ({@code conv1_1/...}) or VGG's order, and presented as OIHW. {@link TfInputConvention}
 * reads the ops between the placeholder and the first convolution.
 */
public final class GraphDefReader {
  private static final int MAX_NODES = 1_000_000;
  static final int MAX_WALK = 100_000;

  private GraphDefReader() {}

  /**
   * Parses {@code file}; kernels are decoded from the mapped file when loaded.
   *
   * @throws NstException naming the file, the rule and the value for every malformed input
   */
  public static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.TF_GRAPHDEF, GraphDefReader::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    long size = ch.size();
    if (size > Integer.MAX_VALUE) {
      throw bad(file, "is " + size + " bytes; files up to 2 GiB are supported");
    }
    MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    map.order(ByteOrder.LITTLE_ENDIAN);
    try {
      Map<String, TfNode> nodes = new HashMap<>();
      Wire graph = new Wire(map, 0, (int) size);
      while (graph.hasMore()) {
        if (graph.next() == 1 && graph.wireType() == Wire.LENGTH) {
          TfNode n = TfNode.parse(graph.message());
          if (nodes.put(n.name, n) != null) {
            throw Wire.fail(graph.position(), "two nodes named " + n.name);
          }
          if (nodes.size() > MAX_NODES) {
            throw Wire.fail(graph.position(), "more than " + MAX_NODES + " nodes");
          }
        } else {
          graph.skip();
        }
      }
      collect(file, new TfGraph(nodes), out);
    } catch (Wire.WireException | ArithmeticException e) {
      throw bad(file, "is not a usable frozen GraphDef: " + e.getMessage());
    }
  }

  private static void collect(Path file, TfGraph g, TensorFile out) {
    List<TfNode> convs = new ArrayList<>(g.ops("Conv2D"));
    if (convs.isEmpty()) {
      throw bad(file, "has no Conv2D nodes (" + g.size() + " nodes)");
    }
    Map<TfNode, Integer> depth = new HashMap<>();
    for (TfNode c : convs) {
      depth.put(c, g.convsBefore(c));
    }
    convs.sort(Comparator.comparing(depth::get));
    for (int i = 1; i < convs.size(); i++) {
      if (depth.get(convs.get(i)).equals(depth.get(convs.get(i - 1)))) {
        throw bad(
            file,
            "has parallel convolutions "
                + convs.get(i - 1).name
                + " and "
                + convs.get(i).name
                + "; a VGG is one chain");
      }
    }
    List<String> scopes = convs.stream().map(c -> scope(c.name)).toList();
    List<String> names = KernelLayout.canonicalConvNames(scopes);
    if (names == null) {
      throw bad(
          file,
          "has "
              + convs.size()
              + " convolutions named "
              + scopes
              + "; expected conv1_1 … or VGG's 13/16");
    }
    boolean rgbFilters = TfInputConvention.describe(g, convs.get(0), out);
    String storage = "";
    for (int i = 0; i < convs.size(); i++) {
      TfNode c = convs.get(i);
      checkConv(file, c);
      TfTensor w = g.constant(c.inputs.get(1), "filter of " + c.name);
      TfNode biasAdd = g.consumer(c, "BiasAdd", "Add", "AddV2");
      if (biasAdd == null || biasAdd.inputs.size() < 2) {
        throw bad(file, "has no BiasAdd after " + c.name);
      }
      TfTensor b = g.constant(biasAdd.inputs.get(1), "bias of " + c.name);
      storage = w.check();
      b.check();
      if (w.shape.length != 4 || b.shape.length != 1 || b.shape[0] != w.shape[3]) {
        throw bad(
            file,
            c.name
                + ": filter "
                + RawTensor.shapeText(w.shape)
                + " and bias "
                + RawTensor.shapeText(b.shape)
                + " (expected HWIO and out)");
      }
      RawTensor weight = KernelLayout.hwioToOihw(names.get(i) + ".weight", w.shape, w::read);
      out.add(i == 0 && rgbFilters ? KernelLayout.reversedInputChannels(weight) : weight);
      out.add(new RawTensor(names.get(i) + ".bias", DType.F32, b.shape, b::read));
    }
    out.putMetadata(
        "graph",
        g.size()
            + " nodes, "
            + convs.size()
            + " Conv2D (NHWC, stride 1, SAME), kernels in "
            + storage);
  }

  private static void checkConv(Path file, TfNode c) {
    String format = c.string("data_format");
    if (format != null && !format.equals("NHWC")) {
      throw bad(file, c.name + " has data_format " + format + " (NHWC expected)");
    }
    List<Long> strides = c.ints("strides");
    if (strides != null && !strides.equals(List.of(1L, 1L, 1L, 1L))) {
      throw bad(file, c.name + " has strides " + strides + " ([1, 1, 1, 1] expected)");
    }
    String padding = c.string("padding");
    if (padding != null && !padding.equals("SAME")) {
      throw bad(file, c.name + " has padding " + padding + " (SAME expected)");
    }
    if (c.inputs.size() != 2) {
      throw bad(file, c.name + " has " + c.inputs.size() + " inputs (2 expected)");
    }
  }

  private static String scope(String name) {
    int slash = name.indexOf('/');
    return slash > 0 ? name.substring(0, slash) : name;
  }

  static NstException bad(Path file, String what) {
    return new NstException("weights file " + file + " (TensorFlow GraphDef) " + what);
  }
}

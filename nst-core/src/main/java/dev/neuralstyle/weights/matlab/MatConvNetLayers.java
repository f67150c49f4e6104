package dev.neuralstyle.weights.matlab;

import dev.neuralstyle.weights.matlab.MatValue.Cell;
import dev.neuralstyle.weights.matlab.MatValue.Numeric;
import dev.neuralstyle.weights.matlab.MatValue.Struct;
import dev.neuralstyle.weights.matlab.MatValue.Text;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.KernelLayout;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MatConvNet's SimpleNN layout: {@code layers} is a cell of 1x1 structs with fields {@code name},
 * {@code type} and {@code weights} (a 1x2 cell: filters, biases) looked up by name, so the old
 * (weights first) and new (name, type, weights) field orders both work; the oldest files have
 * {@code filters}/{@code biases} fields instead. The mean comes from {@code
 * meta.normalization.averageImage} (new) or {@code normalization.averageImage} (old).
 *
 * <p>Kernel axes: MatConvNet's own converter ({@code utils/import-caffe.py}, vlfeat/matconvnet)
 * reads each Caffe blob as {@code reshape(num, channels, height, width).transpose()}, i.e. (width,
 * height, in, out), then with its default {@code --transpose} applies {@code transpose([1, 0, 2,
 * 3])} and, for the first convolution of a Caffe-variant model such as VGG very deep (see {@code
 * utils/import-ref-models.sh}: {@code --caffe-variant=caffe}), reverses the input channels "to
 * RGB". The stored array is therefore MATLAB {@code H x W x in x out} with RGB input: no spatial
 * transpose is needed (cysmith/neural-style-tf is right; anishathalye/neural-style's {@code (1, 0,
 * 2, 3)} transposes every 3x3 kernel). Column-major {@code H x W x in x out} is C-order {@code out
 * x in x W x H}; swapping the last two axes gives OIHW, and conv1_1's input channels are reversed
 * back to BGR so that the weights run with the Caffe convention.
 */
final class MatConvNetLayers {
  private static final int[] OIWH_TO_OIHW = {0, 1, 3, 2};

  private MatConvNetLayers() {}

  static void collect(Path file, Map<String, MatValue> vars, TensorFile out) {
    MatValue layers = vars.get("layers");
    Map<String, MatValue> net = first(vars.get("net"));
    if (layers == null && net != null) {
      layers = net.get("layers");
    }
    if (!(layers instanceof Cell cell)) {
      throw MatReader.bad(file, "has no 'layers' cell array (variables: " + vars.keySet() + ")");
    }
    List<String> names = new ArrayList<>();
    List<Numeric[]> params = new ArrayList<>();
    for (MatValue item : cell.items()) {
      Map<String, MatValue> layer = first(item);
      if (layer == null || !"conv".equals(text(layer.get("type")))) {
        continue;
      }
      Numeric[] wb = weights(layer);
      if (wb == null || wb[0].dims().length != 4 || wb[0].dims()[0] != 3 || wb[0].dims()[1] != 3) {
        continue; // fc6-fc8 are 'conv' layers too, with 7x7 and 1x1 kernels
      }
      names.add(text(layer.get("name")));
      params.add(wb);
    }
    if (params.isEmpty()) {
      throw MatReader.bad(
          file,
          "has no 3x3 'conv' layers with weights in 'layers' (" + cell.items().size() + " layers)");
    }
    List<String> canonical = KernelLayout.canonicalConvNames(names);
    if (canonical == null) {
      throw MatReader.bad(
          file,
          "has "
              + names.size()
              + " 3x3 conv layers named "
              + names
              + "; expected conv1_1 … or VGG's 13/16");
    }
    for (int i = 0; i < params.size(); i++) {
      add(file, out, canonical.get(i), params.get(i), i == 0);
    }
    out.putMetadata("preprocessing", "caffe");
    out.putMetadata(
        "input_convention",
        "RGB 0..255 minus mean "
            + mean(vars, net)
            + " (MatConvNet, H x W x in x out kernels);"
            + " conv1_1's input channels reversed to BGR at load, so it runs as caffe");
    out.putMetadata(
        "matconvnet_layout",
        vars.containsKey("meta") || (net != null && net.containsKey("meta"))
            ? "new (meta.normalization)"
            : "old (top-level normalization)");
  }

  private static void add(Path file, TensorFile out, String name, Numeric[] wb, boolean first) {
    int[] d = wb[0].dims();
    long[] oiwh = {d[3], d[2], d[1], d[0]};
    float[] w = wb[0].values();
    float[] b = wb[1].values();
    if (w == null || b == null || b.length != d[3]) {
      throw MatReader.bad(
          file,
          "layer "
              + name
              + ": filters "
              + java.util.Arrays.toString(d)
              + " need "
              + d[3]
              + " biases, found "
              + (b == null ? "an unreadable array" : b.length));
    }
    RawTensor weight = KernelLayout.permuting(name + ".weight", oiwh, OIWH_TO_OIHW, () -> w);
    out.add(first ? KernelLayout.reversedInputChannels(weight) : weight);
    out.add(new RawTensor(name + ".bias", DType.F32, new long[] {d[3]}, () -> b.clone()));
  }

  private static Numeric[] weights(Map<String, MatValue> layer) {
    if (layer.get("weights") instanceof Cell c
        && c.items().size() >= 2
        && c.items().get(0) instanceof Numeric w
        && c.items().get(1) instanceof Numeric b) {
      return new Numeric[] {w, b};
    }
    if (layer.get("filters") instanceof Numeric w && layer.get("biases") instanceof Numeric b) {
      return new Numeric[] {w, b};
    }
    return null;
  }

  private static String mean(Map<String, MatValue> vars, Map<String, MatValue> net) {
    Map<String, MatValue> norm = first(vars.get("normalization"));
    Map<String, MatValue> meta =
        first(vars.containsKey("meta") ? vars.get("meta") : net == null ? null : net.get("meta"));
    if (meta != null) {
      norm = first(meta.get("normalization"));
    }
    if (norm == null
        || !(norm.get("averageImage") instanceof Numeric avg)
        || avg.values() == null) {
      return "(not stated in the file; Caffe's 123.68, 116.779, 103.939 assumed)";
    }
    float[] v = avg.values();
    int plane = v.length / 3;
    if (plane == 0 || v.length % 3 != 0) {
      return "(averageImage of " + v.length + " values; Caffe's assumed)";
    }
    double[] m = new double[3];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        m[c] += v[c * plane + i];
      }
      m[c] /= plane;
    }
    return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", m[0], m[1], m[2]);
  }

  private static Map<String, MatValue> first(MatValue v) {
    if (v instanceof Struct s && !s.elements().isEmpty()) {
      return s.elements().get(0);
    }
    if (v instanceof Cell c && c.items().size() == 1) {
      return first(c.items().get(0));
    }
    return null;
  }

  private static String text(MatValue v) {
    return v instanceof Text t
        ? t.text()
        : v instanceof Cell c && c.items().size() == 1 ? text(c.items().get(0)) : "";
  }
}

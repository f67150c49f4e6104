package dev.neuralstyle.weights.protobuf;

import dev.neuralstyle.weights.tensor.TensorFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a frozen graph's first convolution sees from the ops between the input placeholder
 * and it (WEIGHT-FORMATS section 11b: Hvass says feed 0..255, CADL feeds 0..1; the file settles
 * it): {@code Mul}/{@code RealDiv} by a constant scale the input, {@code Split} + {@code Concat}
 * reorder the channels, {@code Sub} of constants subtracts the mean. The channel order of the
 * filters follows from the mean the first input channel of the convolution has subtracted: 103.9
 * means Caffe's BGR, 123.7 means RGB (whose conv1_1 is then reversed to BGR at load). Either way
 * the convolutions see 0..255 minus the mean, i.e. the weights run as {@code caffe}.
 */
final class TfInputConvention {
  private TfInputConvention() {}

  /** Records the convention in {@code out}'s metadata; returns whether the filters are RGB. */
  static boolean describe(TfGraph g, TfNode firstConv, TensorFile out) {
    List<String> path = new ArrayList<>();
    double scale = 1;
    float[] mean = null;
    String source = "(none)";
    TfNode n = g.dataInput(firstConv);
    for (int steps = 0; n != null && steps < GraphDefReader.MAX_WALK; steps++) {
      switch (n.op) {
        case "Mul", "RealDiv", "Div" -> {
          float[] c = constantOf(g, n);
          if (c != null && c.length == 1) {
            scale *= n.op.equals("Mul") ? c[0] : 1.0 / c[0];
            path.add(n.op + " " + fmt(c[0]));
          } else {
            path.add(n.op);
          }
        }
        case "Sub" -> {
          float[] c = constantOf(g, n);
          if (c != null && c.length == 3 && mean == null) {
            mean = c;
          }
          path.add("Sub" + (c != null && c.length == 3 ? " " + fmt(c) : ""));
        }
        case "Concat", "ConcatV2" -> {
          mean = branchMeans(g, n);
          path.add(n.op);
        }
        case "Placeholder" -> source = n.name;
        default -> path.add(n.op);
      }
      if (n.op.equals("Placeholder")) {
        break;
      }
      n = g.dataInput(n);
    }
    java.util.Collections.reverse(path);
    boolean rgb = mean != null && Math.abs(mean[0] - 123.68) < 1;
    boolean bgr = mean != null && Math.abs(mean[0] - 103.939) < 1;
    String feed =
        Math.abs(scale - 255) < 1e-3
            ? "RGB 0..1"
            : Math.abs(scale - 1) < 1e-6 ? "0..255" : "values x " + fmt((float) scale);
    StringBuilder sb = new StringBuilder();
    sb.append("graph input '").append(source).append("' -> ");
    sb.append(path.isEmpty() ? "" : String.join(" -> ", path) + " -> ");
    sb.append(firstConv.name).append(": feed ").append(feed).append("; the convolutions see ");
    if (bgr || rgb) {
      sb.append(bgr ? "BGR" : "RGB").append(" 0..255 minus ").append(fmt(mean));
      sb.append(rgb ? ", conv1_1 reversed to BGR at load" : "");
    } else {
      sb.append(
          "no recognised mean subtraction; assumed Caffe's BGR 0..255 minus mean (override with --preprocessing)");
    }
    out.putMetadata("preprocessing", "caffe");
    out.putMetadata("input_convention", sb.toString());
    return rgb;
  }

  /** The per-channel means subtracted on each branch of a channel Concat, in concat order. */
  private static float[] branchMeans(TfGraph g, TfNode concat) {
    List<Float> means = new ArrayList<>();
    for (String in : concat.inputs) {
      TfNode b = g.resolve(in);
      if (b.op.equals("Const")) {
        continue;
      }
      float[] c = b.op.equals("Sub") ? constantOf(g, b) : null;
      means.add(c != null && c.length == 1 ? c[0] : Float.NaN);
    }
    if (means.size() != 3) {
      return null;
    }
    return new float[] {means.get(0), means.get(1), means.get(2)};
  }

  /** The constant operand of a binary op, or {@code null}. */
  private static float[] constantOf(TfGraph g, TfNode n) {
    for (String in : n.inputs) {
      TfNode c = g.resolve(in);
      if (c.op.equals("Const")) {
        TfTensor t = c.tensor("value");
        if (t != null && t.dtype == TfTensor.DT_FLOAT && t.numel() <= 16) {
          t.check();
          return t.read();
        }
      }
    }
    return null;
  }

  private static String fmt(float v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }

  private static String fmt(float[] v) {
    return "(" + fmt(v[0]) + ", " + fmt(v[1]) + ", " + fmt(v[2]) + ")";
  }
}

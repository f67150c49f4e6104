package dev.neuralstyle.weights.numpy;

import dev.neuralstyle.weights.numpy.NpyUnpickler.PickleException;
import dev.neuralstyle.weights.numpy.NpyValues.Array;
import dev.neuralstyle.weights.numpy.NpyValues.Bytes;
import dev.neuralstyle.weights.numpy.NpyValues.Tuple;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.KernelLayout;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.util.List;
import java.util.Map;

/**
 * Turns the unpickled {@code {layer: weights}} dict into tensors. Each value is a list or tuple
 * {@code [W, b]}, a dict {@code {0: W, 1: b}} (vgg19_trainable's save_npy) or {@code {'weights': W,
 * 'biases': b}} (caffe-tensorflow); W and b must be float32 arrays whose data is exactly numel x 4
 * bytes.
 */
final class NpyLayers {
  private NpyLayers() {}

  static void collect(Map<?, ?> dict, TensorFile out) {
    if (dict.isEmpty()) {
      throw new PickleException("the dict of layers is empty");
    }
    String layout = null;
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      if (!(e.getKey() instanceof String layer)) {
        throw new PickleException("layer key " + NpyValues.describe(e.getKey()) + " is not a str");
      }
      Object[] pair = new Object[2];
      String form = pair(e.getValue(), pair, layer);
      layout = layout == null ? form : layout.equals(form) ? layout : "mixed";
      Array w = array(pair[0], layer, "W");
      Array b = array(pair[1], layer, "b");
      if (KernelLayout.isConvName(layer)) {
        if (w.shape.length != 4 || b.shape.length != 1) {
          throw new PickleException(
              layer
                  + ": kernel of shape "
                  + RawTensor.shapeText(w.shape)
                  + " and bias of shape "
                  + RawTensor.shapeText(b.shape)
                  + " (expected HWIO 3x3xinxout and out)");
        }
        out.add(KernelLayout.hwioToOihw(layer + ".weight", w.shape, NpyReader.values(w)));
      } else {
        out.add(new RawTensor(layer + ".weight", DType.F32, w.shape, NpyReader.values(w)));
      }
      out.add(new RawTensor(layer + ".bias", DType.F32, b.shape, NpyReader.values(b)));
    }
    out.putMetadata("layout", layout);
  }

  private static String pair(Object v, Object[] pair, String layer) {
    if (v instanceof List<?> l && l.size() == 2) {
      pair[0] = l.get(0);
      pair[1] = l.get(1);
      return "{layer: [W, b]}";
    }
    if (v instanceof Tuple t && t.items().size() == 2) {
      pair[0] = t.items().get(0);
      pair[1] = t.items().get(1);
      return "{layer: (W, b)}";
    }
    if (v instanceof Map<?, ?> m && m.size() == 2) {
      if (m.containsKey(0L) && m.containsKey(1L)) {
        pair[0] = m.get(0L);
        pair[1] = m.get(1L);
        return "{layer: {0: W, 1: b}}";
      }
      if (m.containsKey("weights") && m.containsKey("biases")) {
        pair[0] = m.get("weights");
        pair[1] = m.get("biases");
        return "{layer: {'weights': W, 'biases': b}}";
      }
    }
    throw new PickleException(
        "layer "
            + layer
            + " holds "
            + NpyValues.describe(v)
            + "; expected [W, b], {0: W, 1: b} or {'weights': W, 'biases': b}");
  }

  private static Array array(Object v, String layer, String role) {
    if (!(v instanceof Array a) || !a.built()) {
      throw new PickleException(
          layer + " " + role + " is " + NpyValues.describe(v) + ", not an ndarray");
    }
    if (!a.dtype.isFloat32()) {
      throw new PickleException(
          layer
              + " "
              + role
              + " has dtype "
              + a.dtype.byteOrder
              + a.dtype.name
              + " (only float32 <f4)");
    }
    long numel = RawTensor.numel(a.shape);
    if (!(a.data instanceof Bytes data) || numel < 0 || data.size() != numel * 4) {
      throw new PickleException(
          layer
              + " "
              + role
              + " of shape "
              + RawTensor.shapeText(a.shape)
              + " needs "
              + (numel < 0 ? "too many" : Long.toString(numel * 4))
              + " bytes of data, found "
              + NpyValues.describe(a.data));
    }
    return a;
  }
}

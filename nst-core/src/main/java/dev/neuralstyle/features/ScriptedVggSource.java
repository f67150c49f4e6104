package dev.neuralstyle.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TorchScript source of one VGG forward pass in a given {@link Precision}: the same layers as
 * {@link VggFeatures} (3x3 convolutions with padding 1, ReLU, 2x2 pooling), written as a module
 * class that {@link TorchScriptArchive} packs and libtorch compiles.
 *
 * <p>The generated {@code forward(x, w0, b0, w1, b1, …)} takes the float32 image and the float32
 * parameters of every convolution up to the deepest requested layer, converts them to the reduced
 * format inside the graph (so that no reduced-precision tensor ever crosses into Java, where the
 * engine cannot represent bfloat16), keeps activations in channels-last memory order, and returns
 * the requested layers converted back to float32, in forward order. Autograd records the whole
 * graph, casts included, so the gradient reaches the float32 image.
 *
 * <p>This differs from Gatys et al., who computed in float32 (Caffe): it is opt-in (the {@code
 * precision} setting) and listed in the README's deviations.
 */
final class ScriptedVggSource {
  static final String CLASS_NAME = "ScriptedVgg";
  private static final int FLOAT32 = 6;
  private static final int CHANNELS_LAST = 2;

  private ScriptedVggSource() {}

  /** The class source computing {@code outputs} (validated layer names of {@code model}). */
  static String of(
      VggModel model, PoolingMode pooling, Precision precision, Collection<String> outputs) {
    String deepest = VggLayers.deepest(model, outputs);
    List<String> layers = model.layerNames().subList(0, model.indexOf(deepest) + 1);
    Set<String> wanted = new HashSet<>(outputs);
    int type = precision.scalarType();
    List<String> params = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    // Deviation from a plain cast of the whole network: conv1_1 runs in float32. Rounding the
    // image itself to 8 mantissa bits would hide pixel changes below ~0.5 levels from the loss,
    // which
    // stalls the last stretch of the optimisation; conv1_1 is under 1% of the network's FLOPs.
    line(body, "h = torch.contiguous(x, memory_format=" + CHANNELS_LAST + ")");
    List<String> returned = new ArrayList<>();
    int conv = 0;
    for (String layer : layers) {
      if (layer.startsWith("conv")) {
        String w = "w" + conv;
        String b = "b" + conv;
        params.add(w);
        params.add(b);
        if (conv == 0) {
          line(body, "h = torch.conv2d(h, w0, b0, [1, 1], [1, 1])");
        } else {
          if (conv == 1) {
            line(body, "h = torch.to(h, " + type + ")"); // relu1_1 in the reduced format
          }
          line(
              body,
              String.format(
                  "h = torch.conv2d(h, torch.to(%s, %d), torch.to(%s, %d), [1, 1], [1, 1])",
                  w, type, b, type));
        }
        conv++;
      } else if (layer.startsWith("relu")) {
        line(body, "h = torch.relu(h)");
      } else if (pooling == PoolingMode.MAX) {
        line(body, "h = torch.max_pool2d(h, [2, 2], [2, 2], [0, 0], [1, 1], False)");
      } else {
        line(body, "h = torch.avg_pool2d(h, [2, 2], [2, 2], [0, 0], False, True)");
      }
      if (wanted.contains(layer)) {
        String out = "o" + returned.size();
        line(body, out + " = torch.to(h, " + FLOAT32 + ")");
        returned.add(out);
      }
    }
    line(body, "return [" + String.join(", ", returned) + "]");

    StringBuilder src = new StringBuilder();
    src.append("class ").append(CLASS_NAME).append("(Module):\n");
    src.append("  __parameters__ = []\n");
    src.append("  __buffers__ = []\n");
    src.append("  training : bool\n");
    src.append("  def forward(self: __torch__.").append(CLASS_NAME).append(",\n");
    src.append("    x: Tensor");
    for (String p : params) {
      src.append(",\n    ").append(p).append(": Tensor");
    }
    src.append(") -> List[Tensor]:\n");
    return src.append(body).toString();
  }

  private static void line(StringBuilder body, String statement) {
    body.append("    ").append(statement).append('\n');
  }
}

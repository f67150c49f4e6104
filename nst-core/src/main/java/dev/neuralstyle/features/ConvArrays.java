package dev.neuralstyle.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.NstException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies the convolution parameters a VGG stack needs into arrays. */
final class ConvArrays {
  private ConvArrays() {}

  /**
   * The weight (OIHW) and bias arrays, owned by {@code manager}, of every convolution of {@code
   * model} up to {@code deepestLayer}, keyed by name in forward order.
   *
   * @throws NstException if {@code params} lacks a convolution the layer needs
   */
  static Map<String, NDArray[]> copy(
      NDManager manager, VggModel model, ConvParameters params, String deepestLayer) {
    Map<String, NDArray[]> convs = new LinkedHashMap<>();
    int inChannels = 3;
    for (String conv : VggLayers.convsNeededFor(model, deepestLayer)) {
      if (!params.has(conv)) {
        throw new NstException("the weights have no " + conv + ", needed for " + deepestLayer);
      }
      int out = VggLayers.channels(VggLayers.blockOf(conv));
      convs.put(
          conv,
          new NDArray[] {
            manager.create(params.weight(conv), new Shape(out, inChannels, 3, 3)),
            manager.create(params.bias(conv), new Shape(out))
          });
      inChannels = out;
    }
    return convs;
  }
}

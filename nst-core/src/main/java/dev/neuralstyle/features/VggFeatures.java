package dev.neuralstyle.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.neuralstyle.NstException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frozen convolutional part of VGG (Simonyan and Zisserman, arXiv 1409.1556) as used by Gatys
 * et al. (2015): 3x3 convolutions with padding 1, ReLU, and 2x2 pooling (max or average) between
 * blocks.
 *
 * <p>The stack is built only up to a given deepest layer, and {@link #extract} stops the forward
 * pass at the deepest requested layer. The parameters never require a gradient; only the input
 * image does. Parameters live in their own sub-manager of the manager passed to {@link #create},
 * released by {@link #close()}.
 *
 * <p>Parameters and activations are kept in channels-last memory order (see {@link #channelsLast}),
 * about 18% faster per evaluation at 512² than NCHW on this engine. The system property {@code
 * nst.nchw=true}, read by {@link #create}, keeps plain NCHW, for comparisons.
 */
public final class VggFeatures implements FeatureNetwork {
  private static final Shape STRIDE_1 = new Shape(1, 1);
  private static final Shape PAD_1 = new Shape(1, 1);
  private static final Shape DILATION_1 = new Shape(1, 1);
  private static final Shape POOL_2 = new Shape(2, 2);
  private static final Shape PAD_0 = new Shape(0, 0);

  private final VggModel model;
  private final PoolingMode pooling;
  private final NDManager manager;
  private final Map<String, NDArray[]> convs;
  private final String deepestBuilt;
  private final boolean channelsLast;

  private VggFeatures(
      VggModel model,
      PoolingMode pooling,
      NDManager manager,
      Map<String, NDArray[]> convs,
      String deepestBuilt,
      boolean channelsLast) {
    this.channelsLast = channelsLast;
    this.model = model;
    this.pooling = pooling;
    this.manager = manager;
    this.convs = convs;
    this.deepestBuilt = deepestBuilt;
  }

  /**
   * Builds the stack of {@code model} up to and including {@code deepestLayer}, copying the needed
   * parameters into NDArrays owned by a new sub-manager of {@code parent}.
   *
   * @throws NstException if {@code params} lacks a convolution the layer needs
   */
  public static VggFeatures create(
      NDManager parent,
      VggModel model,
      PoolingMode pooling,
      ConvParameters params,
      String deepestLayer) {
    VggLayers.requireKnown(model, List.of(deepestLayer));
    boolean channelsLast = !Boolean.getBoolean("nst.nchw");
    NDManager manager = parent.newSubManager();
    try {
      Map<String, NDArray[]> convs = ConvArrays.copy(manager, model, params, deepestLayer);
      if (channelsLast) {
        for (NDArray[] weightAndBias : convs.values()) {
          NDArray raw = weightAndBias[0];
          weightAndBias[0] = channelsLast(raw);
          raw.close();
        }
      }
      return new VggFeatures(model, pooling, manager, convs, deepestLayer, channelsLast);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The architecture. */
  @Override
  public VggModel model() {
    return model;
  }

  /** The pooling between blocks. */
  @Override
  public PoolingMode pooling() {
    return pooling;
  }

  /** The deepest layer this stack can compute. */
  @Override
  public String deepestLayer() {
    return deepestBuilt;
  }

  /**
   * Runs the forward pass on {@code image} (NCHW, already preprocessed for these weights) and
   * returns exactly the requested layers, keyed by name in forward order. Computation stops at the
   * deepest requested layer. The returned arrays belong to the image's manager; intermediate
   * results that are not returned are closed as soon as the next layer has been computed, so that
   * they do not stay resident until the manager closes.
   */
  @Override
  public Map<String, NDArray> extract(NDArray image, Collection<String> layers) {
    return extract(image, layers, false);
  }

  /**
   * As {@link #extract(NDArray, Collection)}; with {@code circular}, every convolution pads
   * circularly and pooling windows wrap around ({@link CircularPadding}), so the responses are
   * those of the image tiled periodically in both directions (for the {@code seamless} setting).
   */
  @Override
  public Map<String, NDArray> extract(NDArray image, Collection<String> layers, boolean circular) {
    VggLayers.requireKnown(model, layers);
    String deepest = VggLayers.deepest(model, layers);
    if (model.indexOf(deepest) > model.indexOf(deepestBuilt)) {
      throw new IllegalArgumentException(
          "layer " + deepest + " is past the deepest built layer " + deepestBuilt);
    }
    Set<String> wanted = new HashSet<>(layers);
    Map<String, NDArray> found = new LinkedHashMap<>();
    NDArray x = channelsLast ? channelsLast(image) : image;
    boolean returned = false;
    List<String> names = new ArrayList<>(model.layerNames());
    for (String name : names.subList(0, model.indexOf(deepest) + 1)) {
      NDArray y = apply(name, x, circular);
      if (x != image && !returned) { // (the channels-last copy of the image is closed here too)
        // Release our handle at once: a pre-activation is not needed by backward (ReLU keeps its
        // output), and what autograd saved stays alive through the graph's own reference.
        x.close();
      }
      x = y;
      returned = wanted.contains(name);
      if (returned) {
        found.put(name, x);
      }
    }
    return found;
  }

  /**
   * The same values in channels-last memory order (NHWC strides behind the NCHW shape), for which
   * oneDNN's convolutions need no reorder of their input and output on every call. DJL has no
   * memory-format argument: permuting to NHWC and flattening forces a copy in that order, and the
   * inverse permutation gives back an NCHW-shaped view of it. Differentiable; the values are
   * unchanged.
   */
  static NDArray channelsLast(NDArray nchw) {
    Shape s = nchw.getShape();
    try (NDArray nhwcView = nchw.transpose(0, 2, 3, 1);
        NDArray flat = nhwcView.reshape(-1);
        NDArray nhwc = flat.reshape(s.get(0), s.get(2), s.get(3), s.get(1))) {
      return nhwc.transpose(0, 3, 1, 2);
    }
  }

  private NDArray apply(String layer, NDArray x, boolean circular) {
    if (layer.startsWith("conv")) {
      NDArray[] wb = convs.get(layer);
      if (circular) {
        NDArray padded = CircularPadding.pad(x, 1);
        return Conv2d.conv2d(padded, wb[0], wb[1], STRIDE_1, PAD_0, DILATION_1, 1)
            .singletonOrThrow();
      }
      return Conv2d.conv2d(x, wb[0], wb[1], STRIDE_1, PAD_1, DILATION_1, 1).singletonOrThrow();
    }
    if (layer.startsWith("relu")) {
      return Activation.relu(x);
    }
    NDArray in = circular ? CircularPadding.forPooling(x) : x;
    return pooling == PoolingMode.MAX
        ? Pool.maxPool2d(in, POOL_2, POOL_2, PAD_0, false)
        : Pool.avgPool2d(in, POOL_2, POOL_2, PAD_0, false, true);
  }

  /** Releases the parameters. */
  @Override
  public void close() {
    manager.close();
  }
}

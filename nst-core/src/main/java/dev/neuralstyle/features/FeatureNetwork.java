package dev.neuralstyle.features;

import ai.djl.ndarray.NDArray;
import dev.neuralstyle.NstException;
import java.util.Collection;
import java.util.Map;

/**
 * The frozen VGG feature stack seen by the losses: an image in, the responses of the requested
 * layers out, differentiable with respect to the image. Implemented in float32 by {@link
 * VggFeatures} and in reduced precision by {@link ScriptedVggFeatures}; {@link FeatureNetworks}
 * picks one.
 */
public interface FeatureNetwork extends AutoCloseable {
  /** The architecture. */
  VggModel model();

  /** The pooling between blocks. */
  PoolingMode pooling();

  /** The deepest layer this stack can compute. */
  String deepestLayer();

  /**
   * Runs the forward pass on {@code image} (NCHW float32, preprocessed for these weights) and
   * returns exactly the requested layers as float32 arrays, keyed by name in forward order. The
   * arrays belong to the image's manager.
   */
  Map<String, NDArray> extract(NDArray image, Collection<String> layers);

  /**
   * As {@link #extract(NDArray, Collection)}; with {@code circular}, the responses of the image
   * tiled periodically in both directions (circular padding in every convolution and pooling, for
   * the {@code seamless} setting). Implementations without circular padding refuse it.
   *
   * @throws NstException if {@code circular} is asked of a network that cannot pad circularly
   */
  default Map<String, NDArray> extract(NDArray image, Collection<String> layers, boolean circular) {
    if (circular) {
      throw NstException.mentioning(
          "{seamless} needs {precision} fp32 (the reduced-precision network pads with zeros only)");
    }
    return extract(image, layers);
  }

  /** Releases the parameters. */
  @Override
  void close();
}

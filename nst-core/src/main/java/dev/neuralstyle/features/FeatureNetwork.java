package dev.neuralstyle.features;

import ai.djl.ndarray.NDArray;
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

  /** Releases the parameters. */
  @Override
  void close();
}

package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The fixed targets of one run, computed once before optimising: content responses P per content
 * layer and blended Gram matrices A per style layer, with each style layer's weight w_l.
 *
 * @param content content layer to P
 * @param gram style layer to A (in the run's loss form and scaled to the output's positions)
 * @param styleLayerWeights style layer to w_l
 */
record StyleTargets(
    Map<String, NDArray> content, Map<String, NDArray> gram, Map<String, Double> styleLayerWeights) {}

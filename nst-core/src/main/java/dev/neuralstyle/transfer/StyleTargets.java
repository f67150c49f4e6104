package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * The fixed targets of one run, computed once before optimising: content responses P per content
 * layer and blended Gram matrices A per style layer, with each style layer's weight w_l.
 *
 * @param content content layer to P
 * @param style style layer to its targets, one per region (one for the whole image without masks)
 * @param styleLayerWeights style layer to w_l
 */
record StyleTargets(
    Map<String, NDArray> content,
    Map<String, List<RegionTarget>> style,
    Map<String, Double> styleLayerWeights) {}

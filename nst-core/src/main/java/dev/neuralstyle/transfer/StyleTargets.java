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
 * @param photoGramEnergy style layer to mean G(P)_l^2, the content photo's own per-position Gram
 *     energy (empty without a content image, and under other loss forms); the divisor of {@link
 *     dev.neuralstyle.loss.LossForm#PHOTO}
 */
record StyleTargets(
    Map<String, NDArray> content,
    Map<String, List<RegionTarget>> style,
    Map<String, Double> styleLayerWeights,
    Map<String, Double> photoGramEnergy) {}

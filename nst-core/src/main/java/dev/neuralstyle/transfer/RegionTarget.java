package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;

/**
 * The style target of one layer for one region of the output.
 *
 * @param mask the region's guidance channel at the layer's resolution (1, 1, H, W), or {@code null}
 *     for the whole image (no spatial control)
 * @param positions how many positions the mask covers (its sum), or H x W without a mask
 * @param gram the target Gram matrix A in the run's loss form, scaled to {@code positions}
 */
record RegionTarget(NDArray mask, double positions, NDArray gram) {}

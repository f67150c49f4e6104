package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import dev.neuralstyle.loss.LossBreakdown;

/**
 * The objective evaluated at step length {@code t} along a search direction.
 *
 * @param t the step length
 * @param loss the objective's value there
 * @param gradient the gradient there
 * @param slope the directional derivative (gradient dot direction)
 * @param breakdown the loss terms, or {@code null}
 */
record LinePoint(double t, double loss, NDArray gradient, double slope, LossBreakdown breakdown) {}

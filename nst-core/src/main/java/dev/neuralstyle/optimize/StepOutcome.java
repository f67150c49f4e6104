package dev.neuralstyle.optimize;

import dev.neuralstyle.loss.LossBreakdown;

/**
 * What one optimiser iteration did.
 *
 * @param loss the objective at the image the iteration ended with (L-BFGS) or started from (Adam,
 *     GD)
 * @param breakdown the loss terms of that evaluation, or {@code null}
 * @param evaluations loss-and-gradient evaluations this iteration used
 * @param converged whether the optimiser found no further progress possible (tolerances reached)
 */
public record StepOutcome(
    double loss, LossBreakdown breakdown, int evaluations, boolean converged) {}

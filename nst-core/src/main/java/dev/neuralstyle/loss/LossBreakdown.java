package dev.neuralstyle.loss;

/**
 * The loss terms of one evaluation, as plain numbers: the unweighted content, style and
 * total-variation losses and the total that was minimised (weighted, and rescaled in adaptive
 * mode).
 *
 * @param content the content loss summed over content layers, before weighting
 * @param style the style loss {@code sum_l w_l E_l}, before the style weight
 * @param tv the total variation, before weighting
 * @param total the objective that was minimised
 */
public record LossBreakdown(double content, double style, double tv, double total) {}

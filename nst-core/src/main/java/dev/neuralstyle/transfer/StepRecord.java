package dev.neuralstyle.transfer;

/**
 * The losses after one optimiser iteration, kept for the run record and the loss plot.
 *
 * @param iteration evaluations used so far
 * @param content unweighted content loss
 * @param style unweighted style loss
 * @param tv unweighted total variation
 * @param total the minimised objective
 * @param seconds time since optimisation started
 */
public record StepRecord(
    int iteration, double content, double style, double tv, double total, double seconds) {}

package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import dev.neuralstyle.loss.LossBreakdown;

/**
 * One loss-and-gradient evaluation.
 *
 * @param loss the objective's value
 * @param gradient its gradient with respect to the image, same shape as the image
 * @param breakdown the loss terms, or {@code null} for objectives without terms
 */
public record Evaluation(double loss, NDArray gradient, LossBreakdown breakdown) {}

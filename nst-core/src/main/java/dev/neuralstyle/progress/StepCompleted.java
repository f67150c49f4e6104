package dev.neuralstyle.progress;

import dev.neuralstyle.loss.LossBreakdown;
import java.awt.image.BufferedImage;

/**
 * One optimiser iteration finished.
 *
 * @param iteration evaluations used so far (the progress counter, as in jcjohnson/neural-style)
 * @param iterations the evaluation budget
 * @param losses the loss terms of the latest evaluation
 * @param elapsedSeconds time since optimisation started
 * @param snapshot the current image when a snapshot was due, else {@code null}
 */
public record StepCompleted(
    int iteration,
    int iterations,
    LossBreakdown losses,
    double elapsedSeconds,
    BufferedImage snapshot)
    implements ProgressEvent {}

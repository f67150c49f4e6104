package dev.neuralstyle.progress;

/**
 * The run ended with an image.
 *
 * @param evaluations evaluations used
 * @param elapsedSeconds optimisation time
 * @param stopReason why it stopped: {@code budget}, {@code converged}, {@code tolerance} or {@code
 *     cancelled}
 */
public record RunFinished(int evaluations, double elapsedSeconds, String stopReason)
    implements ProgressEvent {}

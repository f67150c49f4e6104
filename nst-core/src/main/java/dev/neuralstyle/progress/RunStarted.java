package dev.neuralstyle.progress;

/**
 * The run has prepared its targets and starts optimising.
 *
 * @param iterations the evaluation budget
 * @param width output width in pixels
 * @param height output height in pixels
 * @param setupSeconds time spent loading images and computing targets
 */
public record RunStarted(int iterations, int width, int height, double setupSeconds)
    implements ProgressEvent {}

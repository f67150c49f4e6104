package dev.neuralstyle.progress;

/**
 * The run failed before producing an image.
 *
 * @param message a one-line, user-facing reason
 */
public record RunFailed(String message) implements ProgressEvent {}

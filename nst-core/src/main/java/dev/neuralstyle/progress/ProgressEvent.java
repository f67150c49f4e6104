package dev.neuralstyle.progress;

/**
 * What a running style transfer reports, as immutable values (numbers and images, never tensors).
 * Listeners are called on the optimiser's thread and must return quickly.
 */
public sealed interface ProgressEvent permits RunStarted, StepCompleted, RunFinished, RunFailed {}

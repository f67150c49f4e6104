package dev.neuralstyle.progress;

/** Receives progress events of a run, on the optimiser's thread; must be cheap. */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores every event. */
  ProgressListener NONE = event -> {};

  /** Called for each event, in order. */
  void onEvent(ProgressEvent event);
}

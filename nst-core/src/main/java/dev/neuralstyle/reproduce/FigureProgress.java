package dev.neuralstyle.reproduce;

import dev.neuralstyle.progress.ProgressEvent;

/**
 * Receives the progress of a figure made of several runs: each event of each run, with the run's
 * position among the figure's runs. Called on the optimiser's thread; must be cheap.
 */
@FunctionalInterface
public interface FigureProgress {
  /** Ignores every event. */
  FigureProgress NONE = (tileIndex, tileCount, event) -> {};

  /**
   * Called for each event of each run, in order.
   *
   * @param tileIndex the run's index, 0-based, in the order the runs are made
   * @param tileCount the number of runs in the figure (originals shown as tiles are not runs)
   * @param event the run's event
   */
  void onEvent(int tileIndex, int tileCount, ProgressEvent event);
}

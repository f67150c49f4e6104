package dev.neuralstyle.jobs;

import dev.neuralstyle.progress.ProgressEvent;

/**
 * Receives what happens to jobs. Called on the queue's worker thread (or the thread that submitted
 * or cancelled), outside the queue's lock; must be cheap, so slow consumers hand events to their
 * own thread.
 */
public interface JobListener {
  /** A job changed state or queue position (also called when a job is submitted). */
  default void onState(Job job) {}

  /** A running job reported progress; {@code job} already includes it. */
  default void onProgress(Job job, ProgressEvent event) {}

  /** A finished job was deleted. */
  default void onDeleted(JobId id) {}
}

package dev.neuralstyle.batch;

import dev.neuralstyle.progress.ProgressEvent;

/**
 * Receives a batch's progress on the thread that runs it: over the whole batch ({@link
 * BatchProgress} with done/total and ETA) and, per job, the transfer's own events. Must be cheap,
 * like every {@link dev.neuralstyle.progress.ProgressListener}.
 */
public interface BatchListener {
  /** A job starts ({@code progress.done()} jobs have ended). */
  default void jobStarted(BatchProgress progress, BatchJob job) {}

  /** A progress event of the running job's transfer. */
  default void jobEvent(BatchJob job, ProgressEvent event) {}

  /** A job ended: written, skipped ({@code skipped} true) or failed. */
  default void jobEnded(BatchProgress progress, JobRecord record, boolean skipped) {}

  /** Listens to nothing. */
  BatchListener NONE = new BatchListener() {};
}

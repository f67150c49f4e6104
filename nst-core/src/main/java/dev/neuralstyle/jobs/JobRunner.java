package dev.neuralstyle.jobs;

import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.StopReason;
import java.util.function.BooleanSupplier;

/** Does a job's work on the queue's worker thread: typically one style transfer and its files. */
@FunctionalInterface
public interface JobRunner {
  /**
   * Runs {@code job}.
   *
   * @param listener receives the run's progress events
   * @param cancelled polled between iterations; when true the run should stop soon
   * @return why the run stopped
   * @throws Exception when the job fails; an {@link dev.neuralstyle.NstException}'s message is
   *     shown to the user as it is
   */
  StopReason run(Job job, ProgressListener listener, BooleanSupplier cancelled) throws Exception;
}

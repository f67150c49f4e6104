package dev.neuralstyle.spark;

import java.io.Serializable;

/**
 * Called in a task just before its output is renamed into place, with the job's name and the task's
 * attempt number. Production runs use {@link #NONE}; tests throw from it to fail an attempt after
 * its temporary file is written.
 */
@FunctionalInterface
public interface TaskHook extends Serializable {
  /** Does nothing. */
  TaskHook NONE = (job, attempt) -> {};

  /** Runs before the rename. */
  void beforeRename(String job, int attempt) throws Exception;
}

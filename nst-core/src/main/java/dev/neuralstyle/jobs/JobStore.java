package dev.neuralstyle.jobs;

import java.util.List;

/**
 * Where job records are kept across restarts. Implementations must be thread-safe; the queue calls
 * them at every state change and at most about once a second while a job runs.
 */
public interface JobStore {
  /** Inserts or replaces the record of {@code job.id()}. */
  void save(Job job);

  /** Every stored job, oldest first. */
  List<Job> loadAll();

  /** Removes the record of {@code id}, if any. */
  void delete(JobId id);
}

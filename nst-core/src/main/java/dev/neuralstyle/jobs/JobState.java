package dev.neuralstyle.jobs;

import java.util.Locale;

/** Where a job is in its life: waiting, running, or finished in one of three ways. */
public enum JobState {
  /** Waiting in the queue. */
  QUEUED,
  /** Being run by the worker. */
  RUNNING,
  /** Finished with a result. */
  DONE,
  /** Stopped by an error, or interrupted by a server stop (then resumable). */
  FAILED,
  /** Cancelled by the user (a cancelled running job keeps the image it had reached). */
  CANCELLED;

  /** Whether the job has finished and will not change again (unless resumed). */
  public boolean isFinished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  /** The name used in the API: {@code queued}, {@code running}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an {@link #apiName()} (any case). */
  public static JobState parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}

package dev.neuralstyle.jobs;

import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.StopReason;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of one job. The queue replaces it as the job moves on; the {@code with…}
 * methods return changed copies.
 *
 * @param id the job's id
 * @param state where the job is
 * @param settings the job's options as the client gave them (name to text), for display and re-runs
 * @param created when the job was submitted
 * @param iteration evaluations done so far
 * @param iterations the evaluation budget (0 until the run starts)
 * @param losses the latest loss terms, or {@code null} before the first step
 * @param elapsedSeconds optimisation time so far
 * @param stop why the run ended, or {@code null}
 * @param error a one-line reason when the job failed, else {@code null}
 * @param resumable whether a failed job can be queued again with the same inputs (it was
 *     interrupted, not refused)
 */
public record Job(
    JobId id,
    JobState state,
    Map<String, String> settings,
    Instant created,
    int iteration,
    int iterations,
    LossBreakdown losses,
    double elapsedSeconds,
    StopReason stop,
    String error,
    boolean resumable) {

  /** Checks for {@code null} and copies the settings (keeping their order). */
  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A new queued job. */
  public static Job queued(JobId id, Map<String, String> settings, Instant created) {
    return new Job(id, JobState.QUEUED, settings, created, 0, 0, null, 0, null, null, false);
  }

  /** This job, queued again from the start (after an interruption or for a retry). */
  public Job requeued() {
    return new Job(id, JobState.QUEUED, settings, created, 0, 0, null, 0, null, null, false);
  }

  /** This job, taken by the worker. */
  public Job started() {
    return new Job(id, JobState.RUNNING, settings, created, 0, 0, null, 0, null, null, false);
  }

  /** This job after a step. */
  public Job withProgress(int iteration, int iterations, LossBreakdown losses, double elapsed) {
    return new Job(
        id,
        state,
        settings,
        created,
        iteration,
        iterations,
        losses,
        elapsed,
        stop,
        error,
        resumable);
  }

  /** This job, finished in {@code finalState}. */
  public Job finished(JobState finalState, StopReason stop, String error, boolean resumable) {
    return new Job(
        id,
        finalState,
        settings,
        created,
        iteration,
        iterations,
        losses,
        elapsedSeconds,
        stop,
        error,
        resumable);
  }

  /** Why the run ended by its wire name ({@code budget}, ...), or {@code null}. */
  public String stopReason() {
    return stop == null ? null : stop.wireName();
  }
}

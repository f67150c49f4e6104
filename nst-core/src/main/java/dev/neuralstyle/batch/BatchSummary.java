package dev.neuralstyle.batch;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a batch (or this process's shard of it) ended.
 *
 * @param total jobs in this process's part
 * @param written jobs that wrote their output
 * @param skipped jobs whose output was already there for the same request
 * @param failed jobs that failed (logged with their error)
 * @param cancelled whether the batch was stopped before its end
 * @param seconds wall time
 * @param log the log file
 * @param contactSheet the contact sheet, or {@code null} if none was written
 */
public record BatchSummary(
    int total,
    int written,
    int skipped,
    int failed,
    boolean cancelled,
    double seconds,
    Path log,
    Path contactSheet) {
  /** One line: {@code batch: 12 jobs, 10 written, 1 skipped, 1 failed in 95.2 s (log: ...)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "batch: %d jobs, %d written, %d skipped, %d failed%s in %.1f s (log: %s)",
        total,
        written,
        skipped,
        failed,
        cancelled ? ", stopped before the end" : "",
        seconds,
        log);
  }
}

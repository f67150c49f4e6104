package dev.neuralstyle.batch;

import dev.neuralstyle.transfer.StyleTransferResult;
import java.util.Map;

/** Builds the {@link JobRecord} of a job that wrote its output or failed. */
public final class JobRecords {
  private JobRecords() {}

  /**
   * A job that wrote {@code output}.
   *
   * @param shas the inputs' SHA-256 by role (see {@link JobRequests#inputSha256})
   */
  public static JobRecord ok(
      BatchJob job,
      Map<String, String> shas,
      String key,
      String output,
      String outputSha256,
      StyleTransferResult result,
      double seconds) {
    var steps = result.steps();
    Double loss = steps.isEmpty() ? null : steps.get(steps.size() - 1).total();
    return new JobRecord(
        job.name(),
        job.content(),
        shas.get("content"),
        job.style(),
        shas.get("style"),
        key,
        JobRecord.OK,
        output,
        outputSha256,
        result.stopReason(),
        loss,
        result.evaluations(),
        seconds,
        null);
  }

  /** A job that failed with {@code error} (its one-line message, or its type without one). */
  public static JobRecord failed(
      BatchJob job, Map<String, String> shas, String key, double seconds, Throwable error) {
    String message = error.getMessage();
    return new JobRecord(
        job.name(),
        job.content(),
        shas.get("content"),
        job.style(),
        shas.get("style"),
        key,
        JobRecord.FAILED,
        null,
        null,
        null,
        null,
        0,
        seconds,
        message == null || message.isBlank() ? error.getClass().getSimpleName() : message);
  }
}

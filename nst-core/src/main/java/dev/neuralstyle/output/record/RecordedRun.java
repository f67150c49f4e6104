package dev.neuralstyle.output.record;

import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.util.List;
import java.util.Map;

/**
 * A run as read back from its run record, enough to continue it.
 *
 * @param request the request as it ran
 * @param steps its step records
 * @param evaluations evaluations it used
 * @param stopReason why it stopped
 * @param outputs role to file of what it wrote ({@code image}, {@code panel}, ...)
 * @param weights the weights file it ran with, or {@code null} if the record does not say
 * @param weightsSha256 that file's SHA-256 as recorded, or {@code null} if the record does not say
 */
public record RecordedRun(
    StyleTransferRequest request,
    List<StepRecord> steps,
    int evaluations,
    String stopReason,
    Map<String, String> outputs,
    java.nio.file.Path weights,
    String weightsSha256) {
  /** Copies the collections. */
  public RecordedRun {
    steps = List.copyOf(steps);
    outputs = Map.copyOf(outputs);
  }

  /** A run whose record does not name its weights. */
  public RecordedRun(
      StyleTransferRequest request,
      List<StepRecord> steps,
      int evaluations,
      String stopReason,
      Map<String, String> outputs) {
    this(request, steps, evaluations, stopReason, outputs, null, null);
  }
}

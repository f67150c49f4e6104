package dev.neuralstyle.output.record;

import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to understand and repeat a run, written as {@code run.json} next to its
 * outputs: the full request (with its seed), the weights file and its SHA-256, software versions,
 * the per-iteration losses, evaluation count, timings and why the run stopped.
 *
 * @param request the request as run
 * @param weights the weights used
 * @param result the run's outcome (only numbers and names are recorded, not the images)
 * @param versions software versions, e.g. {@code neuralStyle}, {@code djl}, {@code java}
 * @param outputs role to file name of every file the run wrote, e.g. {@code image -> out.png}
 */
public record RunRecord(
    StyleTransferRequest request,
    WeightsProvenance weights,
    StyleTransferResult result,
    Map<String, String> versions,
    Map<String, String> outputs) {
  /** Checks for {@code null} and copies the maps (keeping their order). */
  public RunRecord {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(result, "result");
    versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}

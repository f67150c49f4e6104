package dev.neuralstyle.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a batch's {@code batch.jsonl} log: what a job read, wrote and how it ended.
 *
 * @param job the job's name, {@code <content>__<style>}
 * @param content the content image's location
 * @param contentSha256 its SHA-256, or {@code null} if it could not be read
 * @param style the style image's location
 * @param styleSha256 its SHA-256, or {@code null} if it could not be read
 * @param requestKey SHA-256 of the job's whole request, its inputs and the weights (see {@link
 *     RequestKey}); {@code null} if the request could not be built
 * @param status {@link #OK} or {@link #FAILED}
 * @param output the output image's location, or {@code null} when none was written
 * @param outputSha256 its SHA-256, or {@code null}
 * @param stopReason why the optimisation ended ({@code budget}, {@code tolerance}, {@code
 *     converged}), or {@code null}
 * @param finalLoss the last total loss, or {@code null}
 * @param iterations evaluations used
 * @param seconds wall time of the job
 * @param error the one-line error of a failed job, or {@code null}
 */
public record JobRecord(
    String job,
    String content,
    String contentSha256,
    String style,
    String styleSha256,
    String requestKey,
    String status,
    String output,
    String outputSha256,
    String stopReason,
    Double finalLoss,
    int iterations,
    double seconds,
    String error) {
  /** Status of a job that wrote its output. */
  public static final String OK = "ok";

  /** Status of a job that failed; the batch went on. */
  public static final String FAILED = "failed";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the job wrote its output. */
  public boolean ok() {
    return OK.equals(status);
  }

  /** The record as one line of JSON (no newline). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job", job);
    m.put("status", status);
    m.put("content", content);
    m.put("contentSha256", contentSha256);
    m.put("style", style);
    m.put("styleSha256", styleSha256);
    m.put("output", output);
    m.put("outputSha256", outputSha256);
    m.put("requestKey", requestKey);
    m.put("stopReason", stopReason);
    m.put("finalLoss", finalLoss);
    m.put("iterations", iterations);
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    m.put("error", error);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a job record: " + e.getMessage(), e);
    }
  }

  /**
   * Parses one log line.
   *
   * @throws NstException if it is not a job record
   */
  public static JobRecord parse(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new NstException("not a batch log line: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.hasNonNull("job") || !n.hasNonNull("status")) {
      throw new NstException("not a batch log line (no job or status): " + line);
    }
    return new JobRecord(
        n.get("job").asText(),
        text(n, "content"),
        text(n, "contentSha256"),
        text(n, "style"),
        text(n, "styleSha256"),
        text(n, "requestKey"),
        n.get("status").asText(),
        text(n, "output"),
        text(n, "outputSha256"),
        text(n, "stopReason"),
        n.hasNonNull("finalLoss") ? n.get("finalLoss").asDouble() : null,
        n.path("iterations").asInt(),
        n.path("seconds").asDouble(),
        text(n, "error"));
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}

package dev.neuralstyle.batch;

import dev.neuralstyle.output.record.RunRecordWriter;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.weights.FileDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a job's result: SHA-256 over every request setting (as the run record writes
 * them), the weights' SHA-256 and the SHA-256 of each input file, but not the inputs' locations. A
 * job whose key matches a logged success and whose output exists need not run again; moving the
 * inputs does not change the key, editing one or changing a setting does.
 */
public final class RequestKey {
  /** Fields left out: input files (their contents enter the key, not their paths) and snapshots. */
  private static final List<String> PATH_FIELDS =
      List.of("content", "styles", "contentMask", "styleMasks", "init", "snapshotEvery");

  private RequestKey() {}

  /**
   * The key.
   *
   * @param inputSha256 role (e.g. {@code content}, {@code style}, {@code init}) to SHA-256 of every
   *     file the request reads
   */
  public static String of(
      StyleTransferRequest request, String weightsSha256, Map<String, String> inputSha256) {
    Map<String, Object> fields = new LinkedHashMap<>(RunRecordWriter.requestFields(request));
    PATH_FIELDS.forEach(fields::remove);
    if (request.init().file() == null) {
      fields.put("init", request.init().describe());
    }
    StringBuilder text = new StringBuilder("neural-style batch key 1\n");
    fields.forEach(
        (k, v) ->
            text.append(k)
                .append('=')
                .append(v instanceof double[] d ? Arrays.toString(d) : v)
                .append('\n'));
    text.append("weights=").append(weightsSha256).append('\n');
    new TreeMap<>(inputSha256).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return FileDigest.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

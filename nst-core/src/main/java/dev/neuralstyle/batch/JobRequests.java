package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.weights.FileDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a job into its request, and reads what the request's identity needs. */
public final class JobRequests {
  private JobRequests() {}

  /**
   * The batch's settings {@code base} with the job's images and its own settings over them.
   *
   * @param local turns a location (the job's images, file settings) into a readable local path
   * @throws NstException naming the setting and value when a job setting is invalid
   */
  public static StyleTransferRequest request(
      StyleTransferRequest base, BatchJob job, Function<String, Path> local) {
    StyleTransferRequestBuilder b = base.toBuilder();
    job.settings().forEach((name, text) -> JobSettings.apply(b, name, text, local));
    b.content(local.apply(job.content())).styles(List.of(local.apply(job.style())));
    return b.build();
  }

  /**
   * The SHA-256 of every file {@code request} reads, by role: {@code content}, {@code style} (then
   * {@code style2}, ...), {@code init}, {@code contentMask}, {@code styleMask1}, ...
   *
   * @throws NstException naming the file when one cannot be read
   */
  public static Map<String, String> inputSha256(StyleTransferRequest request) {
    Map<String, String> shas = new LinkedHashMap<>();
    shas.put("content", sha(request.content(), "content image"));
    for (int i = 0; i < request.styles().size(); i++) {
      shas.put(i == 0 ? "style" : "style" + (i + 1), sha(request.styles().get(i), "style image"));
    }
    if (request.init().file() != null) {
      shas.put("init", sha(request.init().file(), "init image"));
    }
    if (request.contentMask() != null) {
      shas.put("contentMask", sha(request.contentMask(), "content mask"));
    }
    for (int i = 0; i < request.styleMasks().size(); i++) {
      shas.put("styleMask" + (i + 1), sha(request.styleMasks().get(i), "style mask"));
    }
    return shas;
  }

  /** The SHA-256 of a file. */
  public static String sha(Path file, String role) {
    try {
      return FileDigest.sha256(file);
    } catch (IOException e) {
      throw new NstException("cannot read " + role + " " + file + ": " + e.getMessage(), e);
    }
  }
}

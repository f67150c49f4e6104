package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated options of one {@code transfer}: the library request plus what only the command
 * line knows (where the weights are, which files to write, how to report progress). Invalid values
 * are rejected with a message naming the option, the rule and the value.
 *
 * @param request the style-transfer request (validated by the library)
 * @param modelChosen whether the user or a preset chose the model; if not, the weights file decides
 * @param contentLayersChosen whether the user, a preset or a resumed record chose the content
 *     layers; default layers that the weights lack fall back (see {@link
 *     dev.neuralstyle.transfer.LayerFallback})
 * @param styleLayersChosen the same for the style layers
 * @param weights the {@code --weights} file, or {@code null} to look it up
 * @param cacheDir the {@code --cache-dir}, or {@code null} for the default cache
 * @param outputs the files to write
 * @param saveEvery write a snapshot image every this many iterations (0: never)
 * @param gifEvery keep a GIF frame every this many iterations (0: no GIF)
 * @param quiet print nothing but errors
 * @param verbose print more detail and stack traces
 * @param resume where the run starts: {@link ResumePoint#START} or where an earlier run stopped
 */
record TransferOptions(
    StyleTransferRequest request,
    boolean modelChosen,
    boolean contentLayersChosen,
    boolean styleLayersChosen,
    Path weights,
    Path cacheDir,
    OutputPlan outputs,
    int saveEvery,
    int gifEvery,
    boolean quiet,
    boolean verbose,
    ResumePoint resume) {

  TransferOptions {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(resume, "resume");

    if (saveEvery < 0) {
      throw new NstException("invalid value for --save-every: must be >= 0, found " + saveEvery);
    }
    if (gifEvery < 0 || (gifEvery == 0) != (outputs.gif() == null)) {
      throw new IllegalArgumentException("gifEvery " + gifEvery + " does not fit the GIF output");
    }
    if (quiet && verbose) {
      throw new NstException("invalid options: --quiet and --verbose contradict each other");
    }
    outputs.requireNotInputs(inputs(request, resume));
  }

  /**
   * Completes {@code builder} with the snapshot period that the GIF ({@code gifFrames} frames over
   * the run) and {@code --save-every} need, and validates everything.
   *
   * @throws NstException naming the option when a value is invalid
   */
  static TransferOptions create(
      StyleTransferRequestBuilder builder,
      boolean modelChosen,
      boolean contentLayersChosen,
      boolean styleLayersChosen,
      Path weights,
      Path cacheDir,
      OutputPlan outputs,
      int saveEvery,
      int gifFrames,
      boolean quiet,
      boolean verbose,
      ResumePoint resume) {
    if (gifFrames < 1) {
      throw new NstException("invalid value for --gif-frames: must be >= 1, found " + gifFrames);
    }
    if (saveEvery < 0) {
      throw new NstException("invalid value for --save-every: must be >= 0, found " + saveEvery);
    }
    // Validate first; the budget over all coarse-to-fine stages sets the GIF's frame period.
    StyleTransferRequest request = builder.build();
    int gifEvery = outputs.gif() == null ? 0 : request.framePeriod(gifFrames);
    request = request.toBuilder().snapshotEvery(gcd(gifEvery, saveEvery)).build();
    return new TransferOptions(
        request,
        modelChosen,
        contentLayersChosen,
        styleLayersChosen,
        weights,
        cacheDir,
        outputs,
        saveEvery,
        gifEvery,
        quiet,
        verbose,
        resume);
  }

  /** Every layer the request uses, content first. */
  List<String> layers() {
    List<String> all = new ArrayList<>(request.contentLayers());
    all.addAll(request.styleLayers());
    return all;
  }

  /** The files the run reads, each with the option that named it. */
  private static Map<Path, String> inputs(StyleTransferRequest r, ResumePoint resume) {
    Map<Path, String> in = new LinkedHashMap<>();
    in.put(r.content(), "--content");
    r.styles().forEach(p -> in.put(p, "--style"));
    if (r.contentMask() != null) {
      in.put(r.contentMask(), "--content-mask");
    }
    r.styleMasks().forEach(p -> in.put(p, "--style-mask"));
    if (r.init().mode() == InitMode.FILE && resume.iterationsDone() == 0) {
      in.put(r.init().file(), "--init"); // a resumed run continues its own image in place
    }
    return in;
  }

  /** Greatest common divisor, where 0 means "none": gcd(0, n) = n. */
  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}

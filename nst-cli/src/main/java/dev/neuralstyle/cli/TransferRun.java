package dev.neuralstyle.cli;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.output.RunOutputs;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.MemoryEstimate;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.transfer.TilePlan;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One transfer from validated options to files: checks everything that can fail before any work
 * (the device, output directories, input images, weights and their layers), runs the optimisation
 * with progress and snapshot listeners, then writes the image and the extras.
 */
final class TransferRun {
  private final TransferOptions options;
  private final Map<String, String> env;
  private final Streams streams;
  private final List<String> args;

  /**
   * A run of {@code options}.
   *
   * @param args the program's arguments as given, for the command printed after Ctrl-C
   */
  TransferRun(
      TransferOptions options, Map<String, String> env, Streams streams, List<String> args) {
    this.options = options;
    this.env = env;
    this.streams = streams;
    this.args = List.copyOf(args);
  }

  /**
   * Runs and returns the exit code; failures are thrown as one-line NstExceptions. Everything that
   * can be checked (device, inputs, weights, layers, output directories) is checked before the run
   * starts.
   */
  int run() {
    StyleTransferRequest request = options.request();
    request.device().requireAvailable();
    checkInputs(request);
    Path file =
        WeightsResolver.resolve(
            options.weights(), env, options.cacheDir(), request.model(), request.preprocessing());
    VggWeights weights =
        WeightsLoader.load(
            file, options.modelChosen() ? request.model() : null, request.preprocessing());
    if (weights.model() != request.model()) {
      // No --model and no preset: the weights file decides.
      request = request.toBuilder().model(weights.model()).build();
    }
    LayerFallback fallback = LayerFallback.forWeights(request.model(), weights);
    StyleTransferRequest fitted =
        fallback.applyTo(request, options.contentLayersChosen(), options.styleLayersChosen());
    if (!fitted.equals(request) && !options.quiet()) {
      streams.err().println("note: " + fallback.note());
      streams.err().flush();
    }
    request = fitted;
    List<String> layers = new ArrayList<>(request.contentLayers());
    layers.addAll(request.styleLayers());
    weights.requireLayers(layers);
    // Last of the checks, so that a failing one leaves no new directory behind.
    options.outputs().prepareDirectories();
    if (!options.quiet() && request.content() != null) {
      // One line per stage that tiles or changes the optimiser to fit the memory.
      int[] d = ImageFiles.dimensions(request.content(), "content image", request.maxPixels());
      for (TilePlan p : MemoryEstimate.plans(request, d[0], d[1])) {
        if (p.tiled() || p.changesOptimizer(request)) {
          streams.err().println("memory: " + p.describe());
        }
      }
    }
    say(
        "weights: %s (%s, %s, %s)",
        file, weights.model().cliName(), weights.format(), weights.preprocessing().cliName());

    ProgressPrinter progress =
        new ProgressPrinter(streams.err(), streams.interactive(), options.quiet());
    SnapshotCollector snapshots =
        new SnapshotCollector(options.gifEvery(), options.saveEvery(), options.outputs());
    try (CtrlC ctrlC = new CtrlC()) {
      StyleTransferResult result;
      try (StyleTransfer transfer = new StyleTransfer(weights, weights.preprocessing())) {
        result =
            transfer.run(
                request,
                options.resume(),
                (ProgressEvent e) -> {
                  progress.onEvent(e);
                  snapshots.onEvent(e);
                },
                ctrlC);
      }
      List<Path> written =
          List.copyOf(
              RunOutputs.write(
                      options.outputs().files(),
                      request,
                      weights,
                      result,
                      snapshots.frames(),
                      RunOutputs.versions(VersionProvider.toolVersion()))
                  .values());
      // Inside the Ctrl-C guard: after a cancel the JVM exits as soon as the guard closes.
      summary(result, written, snapshots.saved());
    }
    return 0;
  }

  private void summary(StyleTransferResult result, List<Path> written, List<Path> snapshots) {
    if (!options.quiet()) {
      List<Path> all = new ArrayList<>(written);
      all.addAll(snapshots);
      Path image = options.outputs().image();
      streams
          .out()
          .printf(
              Locale.ROOT,
              "wrote %s (%dx%d)%s%n",
              image,
              result.image().getWidth(),
              result.image().getHeight(),
              all.size() > 1 ? "; also " + others(all, image) : "");
      streams.out().flush();
    }
    if (result.cancelled()) {
      // Even when quiet: the user stopped the run and needs this line to continue it.
      Path record = options.outputs().record();
      String how =
          record != null
              ? "to continue: " + ResumeHint.command(args, record)
              : snapshots.isEmpty()
                  ? "no run record or snapshot was written (--no-record), so it cannot be"
                      + " resumed; the image so far is "
                      + options.outputs().image()
                  : "to continue: " + ResumeHint.command(args, snapshots.get(snapshots.size() - 1));
      streams
          .err()
          .printf(Locale.ROOT, "stopped after %d iterations; %s%n", result.evaluations(), how);
      streams.err().flush();
    }
  }

  /**
   * Reads every input image once, so a missing, corrupt or oversized file fails before any work.
   */
  private static void checkInputs(StyleTransferRequest r) {
    // Headers first: the memory the whole run needs is known before any image is decoded.
    int[] size = ImageFiles.dimensions(r.content(), "content image", r.maxPixels());
    MemoryEstimate.checkRun(r, size[0], size[1]);
    ImageFiles.read(r.content(), "content image", r.maxPixels());
    for (Path style : r.styles()) {
      ImageFiles.read(style, "style image", r.maxPixels());
    }
    if (r.init().mode() == InitMode.FILE) {
      ImageFiles.read(r.init().file(), "init image", r.maxPixels());
    }
    if (r.contentMask() != null) {
      ImageFiles.read(r.contentMask(), "content mask", r.maxPixels());
    }
    for (Path mask : r.styleMasks()) {
      ImageFiles.read(mask, "style mask", r.maxPixels());
    }
  }

  private void say(String format, Object... args) {
    if (options.verbose()) {
      streams.err().printf(Locale.ROOT, format + "%n", args);
      streams.err().flush();
    }
  }

  private static String others(List<Path> all, Path image) {
    return String.join(
        ", ", all.stream().filter(p -> !p.equals(image)).map(Path::toString).toList());
  }
}

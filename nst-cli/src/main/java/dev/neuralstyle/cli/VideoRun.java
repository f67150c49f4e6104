package dev.neuralstyle.cli;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.video.VideoRequest;
import dev.neuralstyle.video.VideoResult;
import dev.neuralstyle.video.VideoTransfer;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code video} run: checks the device, the style images and the weights before any work, loads
 * the weights once, runs the library's frame loop with a Ctrl-C guard and progress, and says how to
 * continue when stopped.
 */
final class VideoRun {
  private final VideoRequest request;
  private final boolean modelChosen;
  private final boolean contentLayersChosen;
  private final boolean styleLayersChosen;
  private final Path weightsFile;
  private final Path cacheDir;
  private final Map<String, String> env;
  private final Streams streams;
  private final boolean quiet;

  VideoRun(
      VideoRequest request,
      boolean modelChosen,
      boolean contentLayersChosen,
      boolean styleLayersChosen,
      Path weightsFile,
      Path cacheDir,
      Map<String, String> env,
      Streams streams,
      boolean quiet) {
    this.request = request;
    this.modelChosen = modelChosen;
    this.contentLayersChosen = contentLayersChosen;
    this.styleLayersChosen = styleLayersChosen;
    this.weightsFile = weightsFile;
    this.cacheDir = cacheDir;
    this.env = env;
    this.streams = streams;
    this.quiet = quiet;
  }

  int run() {
    StyleTransferRequest t = request.transfer();
    t.device().requireAvailable();
    for (Path style : t.styles()) {
      ImageFiles.read(style, "style image", t.maxPixels());
    }
    if (t.init().mode() == InitMode.FILE) {
      ImageFiles.read(t.init().file(), "init image", t.maxPixels());
    }
    Path file = WeightsResolver.resolve(weightsFile, env, cacheDir, t.model(), t.preprocessing());
    VggWeights weights =
        WeightsLoader.load(file, modelChosen ? t.model() : null, t.preprocessing());
    StyleTransferRequest frames = t;
    if (weights.model() != frames.model()) {
      // No --model and no preset: the weights file decides.
      frames = frames.toBuilder().model(weights.model()).build();
    }
    // The default layers follow the weights, as for `transfer` (LayerFallback).
    LayerFallback fallback = LayerFallback.forWeights(frames.model(), weights);
    StyleTransferRequest fitted = fallback.applyTo(frames, contentLayersChosen, styleLayersChosen);
    if (!fitted.equals(frames) && !quiet) {
      streams.err().println("note: " + fallback.note());
      streams.err().flush();
    }
    frames = fitted;
    VideoRequest r =
        frames.equals(t)
            ? request
            : new VideoRequest(
                frames,
                request.input(),
                request.output(),
                request.temporalWeight(),
                request.temporalFrames(),
                request.flow(),
                request.folderFps(),
                request.keepFrames());
    List<String> layers = new ArrayList<>(frames.contentLayers());
    layers.addAll(frames.styleLayers());
    weights.requireLayers(layers);
    createParent(r.output());
    VideoProgress progress = new VideoProgress(streams.err(), streams.interactive(), quiet);
    try (CtrlC ctrlC = new CtrlC();
        StyleTransfer engine = new StyleTransfer(weights, weights.preprocessing())) {
      VideoResult result = new VideoTransfer(engine).run(r, progress, ctrlC);
      if (!quiet) {
        if (result.finished()) {
          streams
              .out()
              .printf(
                  Locale.ROOT,
                  "wrote %s (%d frames; %.1f s per frame%s)%n",
                  result.output(),
                  result.frames(),
                  result.secondsPerFrame(),
                  Double.isNaN(result.meanWarpError())
                      ? ""
                      : String.format(
                          Locale.ROOT, "; mean warp error %.2f levels", result.meanWarpError()));
        } else {
          streams
              .err()
              .printf(
                  Locale.ROOT,
                  "stopped at frame %d of %d (%d finished frames kept); run the same command again"
                      + " to continue%n",
                  result.nextFrame(),
                  result.frames(),
                  result.framesDone());
        }
        streams.out().flush();
        streams.err().flush();
      }
    }
    return 0;
  }

  private static void createParent(Path output) {
    Path parent = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new dev.neuralstyle.NstException(
          "cannot create the output directory " + parent + ": " + e.getMessage(), e);
    }
  }
}

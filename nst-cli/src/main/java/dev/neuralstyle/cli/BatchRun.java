package dev.neuralstyle.cli;

import dev.neuralstyle.batch.BatchEngine;
import dev.neuralstyle.batch.BatchJob;
import dev.neuralstyle.batch.BatchRunner;
import dev.neuralstyle.batch.BatchSettings;
import dev.neuralstyle.batch.BatchSummary;
import dev.neuralstyle.batch.Shard;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.TransferCaches;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One batch from parsed options to files: loads the weights once (checking the batch's layers),
 * runs the library's {@link BatchRunner} with a progress printer, prints the summary line and
 * returns 1 if any job failed.
 */
final class BatchRun {
  private final StyleTransferRequest base;
  private final List<BatchJob> jobs;
  private final Shard shard;
  private final TransferSettings settings;
  private final Path outputDir;
  private final boolean extras;
  private final boolean contactSheet;
  private final boolean quiet;
  private final Map<String, String> env;
  private final Streams streams;

  BatchRun(
      StyleTransferRequest base,
      List<BatchJob> jobs,
      Shard shard,
      TransferSettings settings,
      Path outputDir,
      boolean extras,
      boolean contactSheet,
      boolean quiet,
      Map<String, String> env,
      Streams streams) {
    this.base = base;
    this.jobs = jobs;
    this.shard = shard;
    this.settings = settings;
    this.outputDir = outputDir;
    this.extras = extras;
    this.contactSheet = contactSheet;
    this.quiet = quiet;
    this.env = env;
    this.streams = streams;
  }

  int run() {
    StyleTransferRequest request = base;
    request.device().requireAvailable();
    Path file =
        WeightsResolver.resolve(
            settings.weights(), env, settings.cacheDir(), request.model(), request.preprocessing());
    VggWeights weights =
        WeightsLoader.load(
            file, settings.modelChosen() ? request.model() : null, request.preprocessing());
    if (weights.model() != request.model()) {
      request = request.toBuilder().model(weights.model()).build();
    }
    // The defaults' layers follow the weights, as in transfer; a jobs file's layers still win.
    LayerFallback fallback = LayerFallback.forWeights(request.model(), weights);
    StyleTransferRequest fitted =
        fallback.applyTo(request, settings.contentLayersChosen(), settings.styleLayersChosen());
    if (!fitted.equals(request) && !quiet) {
      streams.err().println("note: " + fallback.note());
      streams.err().flush();
    }
    request = fitted;
    List<String> layers = new ArrayList<>(request.contentLayers());
    layers.addAll(request.styleLayers());
    weights.requireLayers(layers);
    BatchSummary summary;
    try (CtrlC ctrlC = new CtrlC();
        BatchEngine engine = new BatchEngine(weights)) {
      BatchRunner runner =
          new BatchRunner(
              engine,
              request,
              new BatchSettings(outputDir, extras, contactSheet, VersionProvider.toolVersion()));
      summary = runner.run(jobs, shard, new BatchPrinter(streams, quiet), ctrlC);
      if (!quiet) {
        TransferCaches c = engine.caches();
        streams
            .err()
            .printf(
                Locale.ROOT,
                "engine: weights loaded once, %d feature stack(s) built; style targets computed"
                    + " for %d style image(s), reused %d time(s)%n",
                c.networksBuilt(),
                c.styleImagesComputed(),
                c.styleImagesReused());
        streams.err().flush();
      }
      streams.out().println(summary.describe());
      streams.out().flush();
    }
    return summary.failed() > 0 ? 1 : 0;
  }
}

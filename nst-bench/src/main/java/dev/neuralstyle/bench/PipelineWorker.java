package dev.neuralstyle.bench;

import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code pipeline} mode of {@link EngineWorker}: the library's default pipeline (coarse-to-fine
 * stages, iteration schedule and tolerance from {@code Defaults}) on the benchmark job, through the
 * public {@link StyleTransfer#run} API. Prints {@code RESULT {json}} with the wall time of the
 * whole {@code run} call and the total loss of the last iteration, which belongs to the final
 * (full-size) stage.
 *
 * <p>The time covers everything {@code run} does: copying the weights into native tensors, per
 * stage reading and resizing the images, computing the content and style targets, the initial or
 * upsampled image and every L-BFGS evaluation, and the final conversion to an image. It leaves out
 * the JVM start, loading the PyTorch engine and building the seeded weights (the counterpart of
 * reading a weights file).
 *
 * <p>Options: {@code dir}, {@code size}, {@code seed}, {@code init} ({@code content} or {@code
 * noise}), {@code out} (write the result as PNG), {@code progress} (print a line to standard error
 * every this many evaluations; 0, the default: none) and, for exploring other schedules only,
 * {@code iterations}, {@code scales} (comma-separated) and {@code tolerance}.
 */
final class PipelineWorker {
  private PipelineWorker() {}

  static void run(Map<String, String> o) throws IOException {
    Path dir = Path.of(o.get("dir"));
    int size = Integer.parseInt(o.get("size"));
    InitMode init = InitMode.valueOf(o.getOrDefault("init", "content").toUpperCase(Locale.ROOT));
    StyleTransferRequest request = override(BenchJob.pipelineRequest(dir, size, init), o);
    SeededVggWeights weights =
        new SeededVggWeights(
            BenchJob.MODEL, BenchJob.LAST_CONV, Long.parseLong(o.getOrDefault("seed", "0")));
    List<double[]> trace = new ArrayList<>();
    int progressEvery = Integer.parseInt(o.getOrDefault("progress", "0"));
    StyleTransferResult result;
    long start;
    double seconds;
    try (StyleTransfer engine = new StyleTransfer(weights, BenchJob.CONVENTION)) {
      long t0 = System.nanoTime();
      start = t0;
      result =
          engine.run(
              request,
              e -> {
                if (e instanceof StepCompleted sc) {
                  double[] p = {
                    sc.iteration(), (System.nanoTime() - t0) / 1e9, sc.losses().total()
                  };
                  if (progressEvery > 0
                      && (trace.isEmpty()
                          || (int) p[0] / progressEvery
                              > (int) trace.get(trace.size() - 1)[0] / progressEvery)) {
                    System.err.printf(
                        Locale.ROOT,
                        "pipeline: %d evaluations, %.1f s, loss %.6g%n",
                        (int) p[0],
                        p[1],
                        p[2]);
                  }
                  trace.add(p);
                }
              },
              () -> false);
      seconds = (System.nanoTime() - start) / 1e9;
    }
    if (o.containsKey("out")) {
      ImageFiles.write(result.image(), Path.of(o.get("out")));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT {\"side\":\"java\",\"mode\":\"pipeline\",\"size\":%d,\"init\":\"%s\","
            + "\"stages\":%s,\"budgets\":%s,\"tolerance\":%s,\"seconds\":%.3f,"
            + "\"setup_seconds\":%.3f,\"evals\":%d,\"stage_evals\":%s,\"final_loss\":%.9g,"
            + "\"stop\":\"%s\",\"peak_rss\":%d,\"trace\":%s}%n",
        size,
        init.name().toLowerCase(Locale.ROOT),
        request.stageSizes(),
        request.stageIterations(),
        request.tolerance(),
        seconds,
        result.setupSeconds(),
        result.evaluations(),
        stageEvaluations(trace),
        trace.get(trace.size() - 1)[2],
        result.stopReason(),
        ProcessMemory.peakRssBytes(),
        json(trace));
  }

  /** The request with the exploration overrides applied. */
  private static StyleTransferRequest override(StyleTransferRequest r, Map<String, String> o) {
    StyleTransferRequestBuilder b = r.toBuilder();
    if (o.containsKey("iterations")) {
      b.iterations(Integer.parseInt(o.get("iterations")));
    }
    if (o.containsKey("scales")) {
      List<Integer> scales = new ArrayList<>();
      for (String s : o.get("scales").split(",")) {
        scales.add(Integer.parseInt(s.trim()));
      }
      b.scales(scales);
    }
    if (o.containsKey("tolerance")) {
      b.tolerance(Double.parseDouble(o.get("tolerance")));
    }
    return b.build();
  }

  /**
   * Evaluations per stage, read from the trace: within a stage an L-BFGS step with a strong-Wolfe
   * line search never raises the loss, so a rise marks the first step of the next stage (whose loss
   * is measured against that stage's targets). For reporting only.
   */
  private static List<Integer> stageEvaluations(List<double[]> trace) {
    List<Integer> perStage = new ArrayList<>();
    int stageStart = 0;
    for (int i = 1; i < trace.size(); i++) {
      if (trace.get(i)[2] > trace.get(i - 1)[2]) {
        perStage.add((int) trace.get(i - 1)[0] - stageStart);
        stageStart = (int) trace.get(i - 1)[0];
      }
    }
    perStage.add((int) trace.get(trace.size() - 1)[0] - stageStart);
    return perStage;
  }

  private static String json(List<double[]> trace) {
    StringBuilder sb = new StringBuilder("[");
    for (double[] p : trace) {
      sb.append(sb.length() == 1 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%d,%.3f,%.7g]", (int) p[0], p[1], p[2]));
    }
    return sb.append(']').toString();
  }
}

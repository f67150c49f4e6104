package dev.neuralstyle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the engine and the PyTorch reference script on the same job, alternating them, each
 * measurement in its own process, and prints a table: median seconds per evaluation, GFLOP/s from
 * the analytic convolution count ({@link ConvFlops}: one evaluation = 2 x forward), percentage of
 * the 4096² fp32 GEMM rate measured by DJL in the same run, peak RSS (VmHWM) and Java/Python
 * ratios; then the time-to-quality comparison (L-BFGS until a fixed total loss) and the default
 * pipeline against single-scale L-BFGS to the same loss ({@link PipelineRow}). "Best round" is the
 * lowest per-process median: on a shared machine a whole process can fall into another job's burst.
 * Every raw result is appended to {@code results.jsonl} in the job directory.
 *
 * <p>Options ({@code --name value}): {@code dir} job directory (default {@code bench/out}), {@code
 * shared} shared data (default {@code ../shared}), {@code sizes} (256,512), {@code evals} per
 * process (10), {@code rounds} (2), {@code python} (/usr/bin/python3), {@code reference}
 * (bench/reference.py), {@code allocator} (jemalloc when present, or {@code system}), {@code
 * ttq-size} (512, also the pipeline row's size), {@code ttq-ratio} target loss as a fraction of the
 * first evaluation's (0.03), {@code ttq-max-evals} (200), {@code ttq-rounds} (2), {@code ttq}
 * (true), {@code pipeline} (true), {@code pipeline-init} (noise), {@code pipeline-reference-init}
 * (content), {@code pipeline-rounds} (1), {@code pipeline-max-evals} (1000), {@code
 * pipeline-time-cap} (3), {@code profile} (true), {@code seed} (0), {@code precision} of the
 * evaluation rows ({@code fp32}, or {@code bf16}: the engine's {@code --precision bf16} against
 * PyTorch's CPU bf16 autocast).
 */
public final class BenchMain {
  private static final PrintStream OUT = System.out;

  private final Map<String, String> o;
  private final Path dir;
  private final Workers workers;

  private BenchMain(Map<String, String> options) {
    this.o = options;
    this.dir = Path.of(options.getOrDefault("dir", "bench/out")).toAbsolutePath();
    this.workers = new Workers(options, dir);
  }

  /** Entry point. */
  public static void main(String[] args) throws IOException, InterruptedException {
    new BenchMain(EngineWorker.options(args, 0)).run();
  }

  // "% GEMM" and "% 1x1" are column names printed as they are, not format specifiers.
  @SuppressWarnings("OrphanedFormatString")
  private void run() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<Integer> sizes = new ArrayList<>();
    for (String s : o.getOrDefault("sizes", "256,512").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int ttqSize = Integer.parseInt(o.getOrDefault("ttq-size", "512"));
    boolean ttq = Boolean.parseBoolean(o.getOrDefault("ttq", "true"));
    boolean pipeline = Boolean.parseBoolean(o.getOrDefault("pipeline", "true"));
    List<Integer> prepared = new ArrayList<>(sizes);
    if ((ttq || pipeline) && !prepared.contains(ttqSize)) {
      prepared.add(ttqSize);
    }
    int evals = Integer.parseInt(o.getOrDefault("evals", "10"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "2"));
    String seed = o.getOrDefault("seed", "0");
    Path shared = Path.of(o.getOrDefault("shared", "../shared"));
    OUT.printf(Locale.ROOT, "# job directory %s, allocator %s%n", dir, workers.allocator());
    java(
        "prepare",
        "--dir",
        dir.toString(),
        "--sizes",
        join(prepared),
        "--seed",
        seed,
        "--content",
        shared.resolve("images/content/tubingen.jpg").toString(),
        "--style",
        shared.resolve("images/style/starry_night.jpg").toString());

    Map<String, List<Double>> peaks = new LinkedHashMap<>();
    gemm(peaks);

    // fp32, or bf16 on both sides: the engine's --precision bf16 against PyTorch's CPU autocast.
    String precision = o.getOrDefault("precision", "fp32");
    if (!precision.equals("fp32") && !precision.equals("bf16")) {
      throw new IllegalArgumentException("--precision must be fp32 or bf16, found " + precision);
    }
    OUT.printf(Locale.ROOT, "# precision of the evaluation rows: %s%n", precision);
    Map<String, List<JsonNode>> results = new LinkedHashMap<>();
    for (int size : sizes) {
      for (int r = 0; r < rounds; r++) {
        String[] args = {
          "--dir", dir.toString(), "--size", "" + size, "--evals", "" + evals, "--seed", seed
        };
        String[] javaArgs = append(args, "--precision", precision);
        String[] pythonArgs = precision.equals("fp32") ? args : append(args, "--bf16");
        boolean javaFirst = r % 2 == 0;
        for (int k = 0; k < 2; k++) {
          JsonNode n = (k == 0) == javaFirst ? java("eval", javaArgs) : python("eval", pythonArgs);
          results.computeIfAbsent(n.get("side").asText() + size, x -> new ArrayList<>()).add(n);
          OUT.printf(
              Locale.ROOT,
              "#   %s %d px: median %.3f s/eval, peak RSS %.2f GB%n",
              n.get("side").asText(),
              size,
              median(times(List.of(n))),
              n.get("peak_rss").asDouble() / 1e9);
        }
      }
    }
    gemm(peaks);
    double peak = Collections.max(peaks.get("java"));
    double convPeak = Collections.max(peaks.get("java-conv"));

    OUT.println();
    OUT.printf(
        Locale.ROOT,
        "GEMM 4096² fp32 (matMul, BLAS): DJL best %.0f GFLOP/s (median %.0f),"
            + " Python best %.0f (median %.0f)%n",
        peak,
        median(peaks.get("java")),
        Collections.max(peaks.get("python")),
        median(peaks.get("python")));
    OUT.printf(
        Locale.ROOT,
        "Same product as a 1x1 convolution (oneDNN): DJL best %.0f GFLOP/s (median"
            + " %.0f), Python best %.0f (median %.0f)%n",
        convPeak,
        median(peaks.get("java-conv")),
        Collections.max(peaks.get("python-conv")),
        median(peaks.get("python-conv")));
    OUT.println(
        "% GEMM = share of the DJL matMul best; % 1x1 = share of the DJL 1x1-convolution best");
    OUT.printf(
        Locale.ROOT,
        "Evaluation = forward + backward w.r.t. the image; FLOPs = 2 x forward"
            + " conv FLOPs to conv5_1; %d evaluations per process, first 2 discarded, %d rounds%n",
        evals,
        rounds);
    OUT.println();
    OUT.println(
        "| size | side | median s/eval | best round | GFLOP/s | % GEMM | % 1x1 | peak RSS GB"
            + " | first loss |");
    OUT.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    Map<Integer, double[]> ratios = new LinkedHashMap<>();
    for (int size : sizes) {
      double flops = ConvFlops.evaluation(BenchJob.MODEL, BenchJob.LAST_CONV, size, size);
      double[] medians = new double[2];
      double[] best = new double[2];
      double[] rss = new double[2];
      int i = 0;
      for (String side : List.of("java", "python")) {
        List<JsonNode> runs = results.get(side + size);
        double med = median(times(runs));
        double mem = 0;
        double bestRound = Double.POSITIVE_INFINITY;
        for (JsonNode n : runs) {
          mem = Math.max(mem, n.get("peak_rss").asDouble());
          bestRound = Math.min(bestRound, median(times(List.of(n))));
        }
        best[i] = bestRound;
        medians[i] = med;
        rss[i++] = mem;
        OUT.printf(
            Locale.ROOT,
            "| %d² | %s | %.3f | %.3f | %.0f | %.0f%% | %.0f%% | %.2f | %.6g |%n",
            size,
            side.equals("java") ? "engine (DJL)" : "PyTorch " + runs.get(0).path("torch").asText(),
            med,
            bestRound,
            flops / med / 1e9,
            100 * flops / med / 1e9 / peak,
            100 * flops / med / 1e9 / convPeak,
            mem / 1e9,
            runs.get(0).get("first_loss").asDouble());
      }
      ratios.put(size, new double[] {medians[0] / medians[1], rss[0] / rss[1], best[0] / best[1]});
    }
    OUT.println();
    for (Map.Entry<Integer, double[]> e : ratios.entrySet()) {
      OUT.printf(
          Locale.ROOT,
          "ratio engine/PyTorch at %d²: time %.2f (best rounds: %.2f), peak RSS %.2f%n",
          e.getKey(),
          e.getValue()[0],
          e.getValue()[2],
          e.getValue()[1]);
    }
    if (Boolean.parseBoolean(o.getOrDefault("profile", "true"))) {
      profile(sizes.get(sizes.size() - 1), seed);
    }
    if (ttq) {
      timeToQuality(ttqSize, seed, results.get("java" + ttqSize));
    }
    if (pipeline) {
      new PipelineRow(workers, dir, o, OUT).run(ttqSize, seed);
    }
  }

  private void profile(int size, String seed) throws IOException, InterruptedException {
    String[] args = {"--dir", dir.toString(), "--size", "" + size, "--reps", "4", "--seed", seed};
    JsonNode j = java("profile", args);
    JsonNode p = python("profile", args);
    OUT.println();
    OUT.printf(Locale.ROOT, "Where the time goes at %d² (median seconds of 4 repetitions)%n", size);
    OUT.println("| phase | engine (DJL) | PyTorch |");
    OUT.println("| --- | --- | --- |");
    for (var it = j.get("phases").fieldNames(); it.hasNext(); ) {
      String phase = it.next();
      JsonNode py = p.get("phases").get(phase);
      OUT.printf(
          Locale.ROOT,
          "| %s | %.3f | %s |%n",
          phase,
          median(list(j.get("phases").get(phase))),
          py == null ? "–" : String.format(Locale.ROOT, "%.3f", median(list(py))));
    }
  }

  private void timeToQuality(int size, String seed, List<JsonNode> evalRuns)
      throws IOException, InterruptedException {
    double ratio = Double.parseDouble(o.getOrDefault("ttq-ratio", "0.03"));
    double first;
    if (evalRuns != null) {
      first = evalRuns.get(0).get("first_loss").asDouble();
    } else {
      first =
          java("eval", "--dir", dir.toString(), "--size", "" + size, "--evals", "1", "--seed", seed)
              .get("first_loss")
              .asDouble();
    }
    double target = ratio * first;
    String[] args = workers.ttqArgs(size, target, o.getOrDefault("ttq-max-evals", "200"), seed);
    int rounds = Integer.parseInt(o.getOrDefault("ttq-rounds", "2"));
    List<JsonNode> runs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        JsonNode n = (k == 0) == (r % 2 == 0) ? java("ttq", args) : python("ttq", args);
        runs.add(n);
        OUT.printf(
            Locale.ROOT,
            "#   ttq %s: %s s, %d evaluations%n",
            n.get("side").asText(),
            n.get("seconds").isNull()
                ? "not reached"
                : String.format(Locale.ROOT, "%.1f", n.get("seconds").asDouble()),
            n.get("evals").asInt());
      }
    }
    OUT.println();
    OUT.printf(
        Locale.ROOT,
        "Time to quality at %d²: L-BFGS (history %d, strong Wolfe) from the content"
            + " image until total loss <= %.6g (%.2f x the initial %.6g)%n",
        size,
        BenchJob.LBFGS_HISTORY,
        target,
        ratio,
        first);
    OUT.println(
        "| side | median seconds to target | best | evaluations | loss at stop | peak RSS GB |");
    OUT.println("| --- | --- | --- | --- | --- | --- |");
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String side : List.of("java", "python")) {
      List<Double> seconds = new ArrayList<>();
      List<Double> evals = new ArrayList<>();
      double rss = 0;
      double loss = Double.NaN;
      for (JsonNode n : runs) {
        if (n.get("side").asText().equals(side)) {
          seconds.add(
              n.get("seconds").isNull() ? Double.POSITIVE_INFINITY : n.get("seconds").asDouble());
          evals.add(n.get("evals").asDouble());
          rss = Math.max(rss, n.get("peak_rss").asDouble());
          loss = n.get("loss").asDouble();
        }
      }
      double med = median(seconds);
      medians.put(side, med);
      medians.put(side + "-best", Collections.min(seconds));
      OUT.printf(
          Locale.ROOT,
          "| %s | %s | %.1f | %.0f | %.6g | %.2f |%n",
          side,
          Double.isInfinite(med) ? "not reached" : String.format(Locale.ROOT, "%.1f", med),
          Collections.min(seconds),
          median(evals),
          loss,
          rss / 1e9);
    }
    OUT.printf(
        Locale.ROOT,
        "ratio engine/PyTorch time to target (medians of %d runs each): %.2f (best runs: %.2f)%n",
        rounds,
        medians.get("java") / medians.get("python"),
        medians.get("java-best") / medians.get("python-best"));
  }

  private void gemm(Map<String, List<Double>> peaks) throws IOException, InterruptedException {
    for (JsonNode n :
        List.of(
            java("gemm", "--n", "4096", "--reps", "3"),
            python("gemm", "--n", "4096", "--reps", "3"))) {
      String side = n.get("side").asText();
      peaks.computeIfAbsent(side, k -> new ArrayList<>()).addAll(list(n.get("gflops")));
      peaks
          .computeIfAbsent(side + "-conv", k -> new ArrayList<>())
          .addAll(list(n.get("conv1x1_gflops")));
    }
  }

  private static String[] append(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private JsonNode java(String mode, String... args) throws IOException, InterruptedException {
    return workers.java(mode, args);
  }

  private JsonNode python(String mode, String... args) throws IOException, InterruptedException {
    return workers.python(mode, args);
  }

  private static List<Double> times(List<JsonNode> runs) {
    List<Double> all = new ArrayList<>();
    for (JsonNode n : runs) {
      List<Double> t = list(n.get("times"));
      all.addAll(t.subList(Math.min(2, t.size() - 1), t.size()));
    }
    return all;
  }

  private static List<Double> list(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asDouble()));
    return out;
  }

  static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String join(List<Integer> values) {
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      sb.append(sb.length() == 0 ? "" : ",").append(v);
    }
    return sb.toString();
  }
}

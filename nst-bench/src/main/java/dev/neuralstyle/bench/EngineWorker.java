package dev.neuralstyle.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.neuralstyle.features.FeatureNetworks;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.ContentLoss;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.Scalars;
import dev.neuralstyle.loss.StyleLoss;
import dev.neuralstyle.loss.TotalVariationLoss;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.transfer.StyleTransfer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measurement in its own JVM, so that its peak RSS is its own. Prints one line {@code RESULT
 * {json}} on standard output. Modes: {@code prepare}, {@code eval}, {@code ttq}, {@code pipeline}
 * ({@link PipelineWorker}), {@code gemm}, {@code profile}, {@code layout}; options as {@code --name
 * value}.
 */
public final class EngineWorker {
  private EngineWorker() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Map<String, String> o = options(args, 1);
    switch (args[0]) {
      case "prepare" -> {
        List<Integer> sizes = new ArrayList<>();
        for (String s : o.get("sizes").split(",")) {
          sizes.add(Integer.parseInt(s.trim()));
        }
        BenchJob.prepare(
            Path.of(o.get("dir")),
            Path.of(o.get("content")),
            Path.of(o.get("style")),
            sizes,
            Long.parseLong(o.getOrDefault("seed", "0")));
        System.out.println("RESULT {\"prepared\":true}");
      }
      case "eval" -> evaluations(o);
      case "ttq" -> timeToQuality(o);
      case "pipeline" -> PipelineWorker.run(o);
      case "gemm" ->
          gemm(
              Integer.parseInt(o.getOrDefault("n", "4096")),
              Integer.parseInt(o.getOrDefault("reps", "5")));
      case "profile" -> profile(o);
      case "layout" -> layout(o);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Times each evaluation of an Adam run (one evaluation per step) through the public run API. */
  private static void evaluations(Map<String, String> o) {
    Path dir = Path.of(o.get("dir"));
    int size = Integer.parseInt(o.get("size"));
    int evals = Integer.parseInt(o.get("evals"));
    SeededVggWeights weights = seeded(o);
    Precision precision = Precision.parse(o.getOrDefault("precision", "fp32"));
    // Measure reduced precision even where the CPU would only emulate it (the table says which).
    System.setProperty(FeatureNetworks.ALLOW_EMULATED, "true");
    List<Double> times = new ArrayList<>();
    double[] firstLoss = {Double.NaN};
    double[] lastLoss = {Double.NaN};
    double[] last = {0};
    long start = System.nanoTime();
    try (StyleTransfer engine = new StyleTransfer(weights, BenchJob.CONVENTION)) {
      engine.run(
          BenchJob.request(dir, size, OptimizerKind.ADAM, evals).toBuilder()
              .precision(precision)
              .build(),
          e -> {
            if (e instanceof StepCompleted sc) {
              times.add(sc.elapsedSeconds() - last[0]);
              last[0] = sc.elapsedSeconds();
              if (Double.isNaN(firstLoss[0])) {
                firstLoss[0] = sc.losses().total();
              }
              lastLoss[0] = sc.losses().total();
            }
          },
          () -> false);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT {\"side\":\"java\",\"mode\":\"eval\",\"size\":%d,\"times\":%s,\"first_loss\":%.9g,"
            + "\"last_loss\":%.9g,\"wall\":%.3f,\"threads\":%d,\"peak_rss\":%d}%n",
        size,
        json(times),
        firstLoss[0],
        lastLoss[0],
        wall,
        JniUtils.getNumThreads(),
        ProcessMemory.peakRssBytes());
  }

  /** L-BFGS until the total loss falls to {@code --target}, or {@code --max-evals}. */
  private static void timeToQuality(Map<String, String> o) {
    Path dir = Path.of(o.get("dir"));
    int size = Integer.parseInt(o.get("size"));
    double target = Double.parseDouble(o.get("target"));
    int maxEvals = Integer.parseInt(o.get("max-evals"));
    SeededVggWeights weights = seeded(o);
    double[] reached = {Double.NaN, Double.NaN, Double.NaN};
    double[] lastLoss = {Double.NaN};
    int[] evals = {0};
    long start = System.nanoTime();
    try (StyleTransfer engine = new StyleTransfer(weights, BenchJob.CONVENTION)) {
      engine.run(
          BenchJob.request(dir, size, OptimizerKind.LBFGS, maxEvals),
          e -> {
            if (e instanceof StepCompleted sc) {
              lastLoss[0] = sc.losses().total();
              evals[0] = sc.iteration();
              if (Double.isNaN(reached[0]) && sc.losses().total() <= target) {
                reached[0] = sc.elapsedSeconds();
                reached[1] = sc.iteration();
                reached[2] = sc.losses().total();
              }
            }
          },
          () -> !Double.isNaN(reached[0]));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT {\"side\":\"java\",\"mode\":\"ttq\",\"size\":%d,\"target\":%.9g,"
            + "\"seconds\":%s,\"evals\":%d,\"loss\":%.9g,\"wall\":%.3f,\"peak_rss\":%d}%n",
        size,
        target,
        Double.isNaN(reached[0]) ? "null" : String.format(Locale.ROOT, "%.3f", reached[0]),
        Double.isNaN(reached[1]) ? evals[0] : (int) reached[1],
        Double.isNaN(reached[2]) ? lastLoss[0] : reached[2],
        wall,
        ProcessMemory.peakRssBytes());
  }

  /** The best rate of an n x n fp32 matrix product over {@code reps} timed runs after a warm-up. */
  private static void gemm(int n, int reps) {
    List<Double> rates = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(n, n));
      NDArray b = m.randomNormal(new Shape(n, n));
      for (int i = 0; i < reps + 1; i++) {
        long t0 = System.nanoTime();
        try (NDArray c = a.matMul(b)) {
          c.getFloat(0, 0); // make sure the product is complete
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (i > 0) {
          rates.add(2.0 * n * n * (double) n / s / 1e9);
        }
      }
    }
    // The same product as a 1x1 convolution (n channels on a 64 x n/64 map), which PyTorch hands to
    // oneDNN, as the VGG convolutions are; the matMul above goes to the BLAS.
    List<Double> convRates = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(1, n, 64, n / 64));
      NDArray w = m.randomNormal(new Shape(n, n, 1, 1));
      for (int i = 0; i < reps + 1; i++) {
        long t0 = System.nanoTime();
        try (NDArray c = Conv2d.conv2d(x, w).singletonOrThrow()) {
          c.getFloat(0, 0, 0, 0);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (i > 0) {
          convRates.add(2.0 * n * n * (double) n / s / 1e9);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT {\"side\":\"java\",\"mode\":\"gemm\",\"n\":%d,\"gflops\":%s,"
            + "\"conv1x1_gflops\":%s,\"threads\":%d}%n",
        n,
        json(rates),
        json(convRates),
        JniUtils.getNumThreads());
  }

  /**
   * Splits one evaluation into forward (with graph recording), losses and backward, plus a forward
   * without gradient and the L-BFGS two-loop vector work for a history of 50 pairs.
   */
  private static void profile(Map<String, String> o) {
    Path dir = Path.of(o.get("dir"));
    int size = Integer.parseInt(o.get("size"));
    int reps = Integer.parseInt(o.getOrDefault("reps", "5"));
    SeededVggWeights weights = seeded(o);
    List<String> layers = new ArrayList<>(BenchJob.CONTENT_LAYERS);
    layers.addAll(BenchJob.STYLE_LAYERS);
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    try (NDManager m = NDManager.newBaseManager();
        VggFeatures f =
            VggFeatures.create(m, BenchJob.MODEL, PoolingMode.AVERAGE, weights, "relu5_1")) {
      NDArray content =
          ImageTensors.toTensor(
              m,
              ImageFiles.read(BenchJob.content(dir, size), ImageFiles.DEFAULT_MAX_PIXELS),
              BenchJob.CONVENTION);
      Map<String, NDArray> targets = new HashMap<>();
      try (NDManager s = m.newSubManager()) {
        Map<String, NDArray> maps = f.extract(content, layers);
        for (String l : BenchJob.CONTENT_LAYERS) {
          targets.put(l, keep(maps.get(l).duplicate(), m));
        }
        for (String l : BenchJob.STYLE_LAYERS) {
          targets.put(l, keep(GramMatrix.of(maps.get(l), LossForm.MEAN).mul(1.01f), m));
        }
      }
      for (int r = 0; r < reps + 1; r++) {
        try (NDManager s = m.newSubManager()) {
          NDArray x = content.duplicate();
          x.attach(s);
          long t0 = System.nanoTime();
          f.extract(x, layers).values().forEach(NDArray::close);
          record(phases, "forward_nograd", t0, r);
        }
        try (NDManager s = m.newSubManager();
            GradientCollector c = Engine.getInstance().newGradientCollector()) {
          NDArray x = content.duplicate();
          x.attach(s);
          x.setRequiresGradient(true);
          long t0 = System.nanoTime();
          Map<String, NDArray> maps = f.extract(x, layers);
          record(phases, "forward", t0, r);
          t0 = System.nanoTime();
          NDArray loss =
              Scalars.times(
                  ContentLoss.compute(maps.get("relu4_2"), targets.get("relu4_2"), LossForm.MEAN),
                  5);
          for (String l : BenchJob.STYLE_LAYERS) {
            loss =
                loss.add(
                    Scalars.times(
                        StyleLoss.layerError(maps.get(l), targets.get(l), LossForm.MEAN), 100));
          }
          loss = loss.add(Scalars.times(TotalVariationLoss.compute(x, TvForm.L2), 1e-3));
          loss.getFloat();
          record(phases, "losses", t0, r);
          t0 = System.nanoTime();
          c.backward(loss);
          x.getGradient().getFloat(0, 0, 0, 0);
          record(phases, "backward", t0, r);
        }
        try (NDManager s = m.newSubManager()) {
          long n = 3L * size * size;
          List<NDArray> hist = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            hist.add(s.randomNormal(new Shape(1, 3, size, size)));
          }
          NDArray q = s.randomNormal(new Shape(1, 3, size, size));
          long t0 = System.nanoTime();
          for (int i = 0; i < 100; i++) {
            float a;
            try (NDArray p = hist.get(i).mul(q);
                NDArray sum = p.sum()) {
              a = sum.getFloat() / n;
            }
            try (NDArray step = hist.get(i).mul(a)) {
              q.subi(step);
            }
          }
          record(phases, "lbfgs_two_loop_m50", t0, r);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Double>> e : phases.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ",")
          .append('"')
          .append(e.getKey())
          .append("\":")
          .append(json(e.getValue()));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT"
            + " {\"side\":\"java\",\"mode\":\"profile\",\"size\":%d,\"phases\":{%s},\"peak_rss\":%d}%n",
        size,
        sb,
        ProcessMemory.peakRssBytes());
  }

  /**
   * A/B of the memory layout in one process: alternates full evaluations (forward, losses,
   * backward) of an NCHW stack and a channels-last stack, so that load drift on a shared machine
   * hits both.
   */
  private static void layout(Map<String, String> o) {
    Path dir = Path.of(o.get("dir"));
    int size = Integer.parseInt(o.get("size"));
    int reps = Integer.parseInt(o.getOrDefault("reps", "6"));
    SeededVggWeights weights = seeded(o);
    List<String> layers = new ArrayList<>(BenchJob.CONTENT_LAYERS);
    layers.addAll(BenchJob.STYLE_LAYERS);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    try (NDManager m = NDManager.newBaseManager()) {
      System.setProperty("nst.nchw", "true");
      VggFeatures nchw =
          VggFeatures.create(m, BenchJob.MODEL, PoolingMode.AVERAGE, weights, "relu5_1");
      System.setProperty("nst.nchw", "false");
      VggFeatures last =
          VggFeatures.create(m, BenchJob.MODEL, PoolingMode.AVERAGE, weights, "relu5_1");
      NDArray content =
          ImageTensors.toTensor(
              m,
              ImageFiles.read(BenchJob.content(dir, size), ImageFiles.DEFAULT_MAX_PIXELS),
              BenchJob.CONVENTION);
      for (int r = 0; r < reps + 1; r++) {
        for (VggFeatures f : List.of(nchw, last)) {
          try (NDManager s = m.newSubManager();
              GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray x = content.duplicate();
            x.attach(s);
            x.setRequiresGradient(true);
            long t0 = System.nanoTime();
            Map<String, NDArray> maps = f.extract(x, layers);
            NDArray loss = null;
            for (NDArray a : maps.values()) {
              NDArray g = GramMatrix.of(a, LossForm.MEAN);
              NDArray term = g.mul(g).mean();
              loss = loss == null ? term : loss.add(term);
            }
            c.backward(loss);
            x.getGradient().getFloat(0, 0, 0, 0);
            record(times, f == nchw ? "nchw" : "channels_last", t0, r);
          }
        }
      }
      nchw.close();
      last.close();
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ",")
          .append('"')
          .append(e.getKey())
          .append("\":")
          .append(json(e.getValue()));
    }
    System.out.printf(
        Locale.ROOT, "RESULT {\"side\":\"java\",\"mode\":\"layout\",\"size\":%d,%s}%n", size, sb);
  }

  private static NDArray keep(NDArray a, NDManager owner) {
    a.attach(owner);
    return a;
  }

  private static void record(Map<String, List<Double>> phases, String name, long t0, int rep) {
    double s = (System.nanoTime() - t0) / 1e9;
    if (rep > 0) {
      phases.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    }
  }

  private static SeededVggWeights seeded(Map<String, String> o) {
    return new SeededVggWeights(
        BenchJob.MODEL, BenchJob.LAST_CONV, Long.parseLong(o.getOrDefault("seed", "0")));
  }

  static String json(List<Double> values) {
    StringBuilder sb = new StringBuilder("[");
    for (double v : values) {
      sb.append(sb.length() == 1 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v));
    }
    return sb.append(']').toString();
  }

  static Map<String, String> options(String[] args, int from) {
    Map<String, String> o = new HashMap<>();
    for (int i = from; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException(
            "expected --option, found " + args[i] + " in " + Arrays.toString(args));
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}

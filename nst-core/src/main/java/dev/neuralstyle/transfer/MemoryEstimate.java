package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.optimize.OptimizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A conservative estimate of a stage's native memory, checked before the stage starts so that a
 * size that cannot fit fails with a clear message instead of an out-of-memory crash. Activations up
 * to the deepest layer are counted twice (forward values kept for backward, plus their gradients),
 * plus the optimiser's image-sized arrays and a fixed base for the engine. Calibrated on this
 * project's measurements: 10.0 GB peak for a 2048x1536 stage to relu3_1 (estimate 11.6 GB).
 *
 * <p>{@link #peakBytes} covers a whole request (every stage, and the style images' forward pass),
 * so that a run is refused before its first stage and a server can refuse a job before queueing it.
 */
public final class MemoryEstimate {
  private static final long BASE = 512L << 20;

  private MemoryEstimate() {}

  /** Estimated peak bytes of one stage at {@code width x height}. */
  static long bytes(
      VggModel model, String deepest, int width, int height, OptimizerKind optimizer, int history) {
    return BASE
        + (long)
            (4
                * (2 * activations(model, deepest, width, height)
                    + optimizerArrays(width, height, optimizer, history)));
  }

  /**
   * The estimated peak bytes of a whole run of {@code r} on a content image of {@code contentWidth
   * x contentHeight} (ignored when the request gives an output size): the largest of its stages,
   * and of the style images' forward pass (square, the worst case for their unknown shape).
   */
  public static long peakBytes(StyleTransferRequest r, int contentWidth, int contentHeight) {
    List<String> layers = new ArrayList<>(r.contentLayers());
    layers.addAll(r.styleLayers());
    String deepest = VggLayers.deepest(r.model(), layers);
    long peak = 0;
    int styleSide = styleSide(r);
    for (TilePlan plan : plans(r, contentWidth, contentHeight)) {
      // A stage that fits only in tiles is counted at its tiled estimate (TilePlan decides).
      peak = Math.max(peak, plan.estimateBytes());
      if (!r.styles().isEmpty()) {
        // The style images' forward pass at this stage (square, the worst case for their unknown
        // shape); a tiled stage computes their Gram matrices tile by tile too.
        int side =
            (int) Math.round(styleSide * (double) Math.max(plan.width(), plan.height()) / r.size());
        int window = plan.tiled() ? Math.min(side, plan.tile() + 2 * plan.halo()) : side;
        peak = Math.max(peak, BASE + 4 * (long) activations(r.model(), deepest, window, window));
      }
    }
    return peak;
  }

  /**
   * Each stage's plan (whole or tiled, and the optimiser settings that fit) for a run of {@code r}
   * on a content image of {@code contentWidth x contentHeight} (ignored when the request gives an
   * output size), as the run will choose them with the memory available now.
   */
  public static List<TilePlan> plans(StyleTransferRequest r, int contentWidth, int contentHeight) {
    List<String> layers = new ArrayList<>(r.contentLayers());
    layers.addAll(r.styleLayers());
    String deepest = VggLayers.deepest(r.model(), layers);
    OptionalLong available = available();
    List<TilePlan> plans = new ArrayList<>();
    for (int size : r.stageSizes()) {
      int[] wh = stageDimensions(r, size, contentWidth, contentHeight);
      plans.add(TilePlan.choose(r, deepest, wh[0], wh[1], available));
    }
    return plans;
  }

  /**
   * Throws before any work when {@link #peakBytes} exceeds the memory the operating system reports
   * as available.
   *
   * @throws NstException naming the size, the estimate and what is available
   */
  public static void checkRun(StyleTransferRequest r, int contentWidth, int contentHeight) {
    OptionalLong available = available();
    long needed = peakBytes(r, contentWidth, contentHeight);
    if (available.isPresent() && needed > available.getAsLong()) {
      int[] wh = stageDimensions(r, r.size(), contentWidth, contentHeight);
      throw NstException.mentioning(
          String.format(
              java.util.Locale.ROOT,
              "{size} %d (a %dx%d image, style images up to %d px) needs about %.1f GB, but only"
                  + " %.1f GB of memory is available; use a smaller {size} or {style-size},"
                  + " fewer/shallower layers, {optimizer} adam or a smaller {lbfgs-history}",
              r.size(),
              wh[0],
              wh[1],
              styleSide(r),
              needed / 1e9,
              available.getAsLong() / 1e9));
    }
  }

  /** The output dimensions of the stage of longest side {@code size}, as {@code RunImages}. */
  static int[] stageDimensions(StyleTransferRequest r, int size, int contentW, int contentH) {
    if (r.hasOutputSize() || r.content() == null) {
      int w = (int) Math.max(16, Math.round(r.width() * (double) size / r.size()));
      int h = (int) Math.max(16, Math.round(r.height() * (double) size / r.size()));
      return new int[] {w, h};
    }
    double scale = (double) size / Math.max(contentW, contentH);
    int w = contentW >= contentH ? size : Math.max(1, (int) Math.round(contentW * scale));
    int h = contentH > contentW ? size : Math.max(1, (int) Math.round(contentH * scale));
    return new int[] {w, h};
  }

  private static int styleSide(StyleTransferRequest r) {
    double side = r.styleSize() > 0 ? r.styleSize() : r.styleScale() * r.size();
    return (int) Math.max(16, Math.min(StyleTransferRequest.MAX_SIDE, Math.round(side)));
  }

  /**
   * Estimated peak bytes of a tiled stage ({@link TiledObjective}): the activations of one {@code
   * windowWidth x windowHeight} tile, the optimiser's image-sized arrays (tiling does not shrink
   * them), the image and gradient copies of a tiled evaluation (Java and native), and the whole
   * maps of the content layers (the content targets, assembled from tiles; style targets are summed
   * Gram matrices and need no whole map).
   */
  static long tiledBytes(
      VggModel model,
      List<String> contentLayers,
      String deepest,
      int width,
      int height,
      int windowWidth,
      int windowHeight,
      OptimizerKind optimizer,
      int history) {
    double pixels = (double) width * height;
    double contentMaps = 0;
    for (String layer : contentLayers) {
      int pools = 0;
      for (String name : model.layerNames().subList(0, model.indexOf(layer) + 1)) {
        pools += name.startsWith("pool") ? 1 : 0;
      }
      contentMaps +=
          VggLayers.channels(Math.min(5, VggLayers.blockOf(layer))) * pixels / (1L << (2 * pools));
    }
    return BASE
        + (long)
            (4
                * (2 * activations(model, deepest, windowWidth, windowHeight)
                    + optimizerArrays(width, height, optimizer, history)
                    + 4 * 3 * pixels
                    + contentMaps));
  }

  /** Float count of the activations up to {@code deepest} at {@code width x height}. */
  private static double activations(VggModel model, String deepest, int width, int height) {
    double floats = 0;
    int pools = 0;
    for (String layer : model.layerNames().subList(0, model.indexOf(deepest) + 1)) {
      if (layer.startsWith("pool")) {
        pools++;
      }
      int channels = VggLayers.channels(Math.min(5, VggLayers.blockOf(layer)));
      floats += channels * (double) (width >> pools) * (height >> pools);
    }
    return floats;
  }

  private static double optimizerArrays(
      int width, int height, OptimizerKind optimizer, int history) {
    double image = 3.0 * width * height;
    return switch (optimizer) {
      case LBFGS -> (2.0 * history + 4) * image;
      case ADAM -> 4 * image;
      case GD -> 2 * image;
    };
  }

  /** Throws when the estimate exceeds the memory the operating system reports as available. */
  static void check(
      VggModel model, String deepest, int width, int height, OptimizerKind optimizer, int history) {
    OptionalLong available = available();
    long needed = bytes(model, deepest, width, height, optimizer, history);
    if (available.isPresent() && needed > available.getAsLong()) {
      throw NstException.mentioning(
          String.format(
              java.util.Locale.ROOT,
              "a %dx%d image to %s needs about %.1f GB, but only %.1f GB of memory is available;"
                  + " use a smaller {size}, fewer/shallower layers, {optimizer} adam or a smaller"
                  + " {lbfgs-history}",
              width,
              height,
              deepest,
              needed / 1e9,
              available.getAsLong() / 1e9));
    }
  }

  /**
   * The memory a run may use: MemAvailable from /proc/meminfo, where there is one, capped by the
   * environment variable {@value #LIMIT_VARIABLE} (bytes, or a number with a K, M or G suffix:
   * {@code 6G}) when it is set, so that a run on a shared machine plans for its share.
   *
   * @throws NstException if the variable is set but not a size
   */
  public static OptionalLong available() {
    OptionalLong os = meminfo("MemAvailable:");
    OptionalLong limit = parseLimit(System.getenv(LIMIT_VARIABLE));
    if (limit.isEmpty()) {
      return os;
    }
    return OptionalLong.of(
        os.isPresent() ? Math.min(os.getAsLong(), limit.getAsLong()) : limit.getAsLong());
  }

  /** The environment variable that caps the memory a run plans for. */
  public static final String LIMIT_VARIABLE = "NEURAL_STYLE_MEMORY";

  /** {@code value} (bytes, or with a K, M or G suffix, powers of 1024) as bytes; empty if null. */
  static OptionalLong parseLimit(String value) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    String v = value.trim().toUpperCase(java.util.Locale.ROOT);
    int shift =
        switch (v.charAt(v.length() - 1)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    try {
      double number = Double.parseDouble(shift == 0 ? v : v.substring(0, v.length() - 1));
      if (number > 0 && Double.isFinite(number)) {
        return OptionalLong.of((long) (number * (1L << shift)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NstException(
        "invalid value for "
            + LIMIT_VARIABLE
            + ": must be a positive size in bytes, optionally with K, M or G (6G), found '"
            + value
            + "'");
  }

  /** MemTotal from /proc/meminfo (the machine's physical memory), where there is one. */
  public static OptionalLong physical() {
    return meminfo("MemTotal:");
  }

  private static OptionalLong meminfo(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(key)) {
          String[] parts = line.trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[1]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux or unreadable: no check.
    }
    return OptionalLong.empty();
  }
}

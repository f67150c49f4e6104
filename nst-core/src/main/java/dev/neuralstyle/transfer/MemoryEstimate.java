package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.optimize.OptimizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A conservative estimate of a stage's native memory, checked before the stage starts so that a
 * size that cannot fit fails with a clear message instead of an out-of-memory crash. Activations up
 * to the deepest layer are counted twice (forward values kept for backward, plus their gradients),
 * plus the optimiser's image-sized arrays and a fixed base for the engine. Calibrated on this
 * project's measurements: 10.0 GB peak for a 2048x1536 stage to relu3_1 (estimate 11.6 GB).
 */
final class MemoryEstimate {
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
   * Estimated peak bytes of a tiled stage ({@link TiledObjective}): the activations of one {@code
   * windowWidth x windowHeight} tile, the optimiser's image-sized arrays (tiling does not shrink
   * them), the image and gradient copies of a tiled evaluation, and the largest whole-image feature
   * map the targets are assembled into (64 channels at full size).
   */
  static long tiledBytes(
      VggModel model,
      String deepest,
      int width,
      int height,
      int windowWidth,
      int windowHeight,
      OptimizerKind optimizer,
      int history) {
    double pixels = (double) width * height;
    return BASE
        + (long)
            (4
                * (2 * activations(model, deepest, windowWidth, windowHeight)
                    + optimizerArrays(width, height, optimizer, history)
                    + 2 * 3 * pixels
                    + 64 * pixels));
  }

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
      throw new NstException(
          String.format(
              java.util.Locale.ROOT,
              "a %dx%d image to %s needs about %.1f GB, but only %.1f GB of memory is available;"
                  + " use a smaller --size, fewer/shallower layers, --optimizer adam or a smaller"
                  + " --lbfgs-history",
              width,
              height,
              deepest,
              needed / 1e9,
              available.getAsLong() / 1e9));
    }
  }

  /** MemAvailable from /proc/meminfo, where there is one. */
  static OptionalLong available() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
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

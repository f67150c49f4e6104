package dev.neuralstyle.reproduce;

import dev.neuralstyle.SettingException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.DeviceSpec;

/**
 * The settings shared by every run of a paper reproduction; everything else (loss form, weights,
 * layers, initialisation) is fixed by the figure being reproduced.
 *
 * @param model the VGG architecture (the paper: VGG-19)
 * @param pooling max or average pooling (the paper: average)
 * @param size the longest side of each tile in pixels
 * @param iterations the evaluation budget of each run
 * @param seed seed of the white-noise start of each run
 * @param device where the runs compute
 */
public record FigureSettings(
    VggModel model, PoolingMode pooling, int size, int iterations, long seed, DeviceSpec device) {
  /** Validates the fields; messages name the command-line flag. */
  public FigureSettings {
    if (model == null) {
      throw SettingException.missing("model");
    }
    if (pooling == null) {
      throw SettingException.missing("pooling");
    }
    if (size < 16 || size > 16384) {
      throw SettingException.mustBe("size", "between 16 and 16384", size);
    }
    if (iterations < 1) {
      throw SettingException.mustBe("iterations", ">= 1", iterations);
    }
    if (device == null) {
      throw SettingException.missing("device");
    }
  }

  /** The transfer command's defaults (see {@link Defaults}). */
  public static FigureSettings defaults() {
    return new FigureSettings(
        Defaults.MODEL,
        Defaults.POOLING,
        Defaults.SIZE,
        Defaults.ITERATIONS,
        Defaults.SEED,
        Defaults.DEVICE);
  }
}

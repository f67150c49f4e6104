package dev.neuralstyle.features;

import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
import java.util.Collection;
import java.util.List;

/** Validation and ordering of layer names ({@code conv3_1}, {@code relu4_2}, {@code pool2}). */
public final class VggLayers {
  /** Output channels of the convolutions of blocks 1 to 5. */
  private static final int[] BLOCK_CHANNELS = {64, 128, 256, 512, 512};

  private VggLayers() {}

  /**
   * Checks that every name is a layer of {@code model}.
   *
   * @throws SettingException naming the setting {@code key}, the rule and the value found
   */
  public static void requireKnown(VggModel model, Collection<String> layers, String key) {
    String problem = unknown(model, layers);
    if (problem != null) {
      throw SettingException.invalid(key, problem);
    }
  }

  /** As {@link #requireKnown(VggModel, Collection, String)} for layers no setting named. */
  public static void requireKnown(VggModel model, Collection<String> layers) {
    String problem = unknown(model, layers);
    if (problem != null) {
      throw new NstException("invalid value for layer: " + problem);
    }
  }

  private static String unknown(VggModel model, Collection<String> layers) {
    for (String layer : layers) {
      if (model.indexOf(layer) < 0) {
        return "'"
            + layer
            + "' is not a "
            + model.cliName()
            + " layer (expected names like conv1_1, relu4_2, pool3; "
            + model.cliName()
            + " has conv1_1 … "
            + model.convNames().get(model.convNames().size() - 1)
            + ")";
      }
    }
    return null;
  }

  /** The layer among {@code layers} that comes last in the forward pass. */
  public static String deepest(VggModel model, Collection<String> layers) {
    String deepest = null;
    for (String layer : layers) {
      if (deepest == null || model.indexOf(layer) > model.indexOf(deepest)) {
        deepest = layer;
      }
    }
    if (deepest == null) {
      throw new IllegalArgumentException("no layers requested");
    }
    return deepest;
  }

  /** The convolutions whose parameters are needed to compute {@code layer}. */
  public static List<String> convsNeededFor(VggModel model, String layer) {
    int index = model.indexOf(layer);
    return model.convNames().stream().filter(c -> model.indexOf(c) <= index).toList();
  }

  /** Number of output channels of the conv/relu layers of block {@code block} (1-based). */
  public static int channels(int block) {
    return BLOCK_CHANNELS[block - 1];
  }

  /** Block number (1..5) of a layer name such as {@code relu4_2} or {@code pool3}. */
  public static int blockOf(String layer) {
    // "conv", "relu" and "pool" all have four letters before the block digit.
    return layer.charAt(4) - '0';
  }
}

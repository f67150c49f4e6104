package dev.neuralstyle.reproduce;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.transfer.LayerFallback;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of the paper's figures and which of them a (possibly partial) weights file can
 * compute. The paper's Caffe network rectifies in place, so its "conv1_1" is our {@code relu1_1};
 * see the README's deviations.
 */
public final class PaperLayers {
  /** The style layers of Gatys et al. (2015), Figs. 1-3: the paper's conv1_1 … conv5_1. */
  public static final List<String> STYLE =
      List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

  /** The paper's content layer, conv4_2. */
  public static final String CONTENT = "relu4_2";

  /**
   * The layers of the texture paper (Gatys, Ecker and Bethge, arXiv 1505.07376, Fig. 2 and 3):
   * conv1_1, pool1, pool2, pool3, pool4.
   */
  public static final List<String> TEXTURE = List.of("relu1_1", "pool1", "pool2", "pool3", "pool4");

  private PaperLayers() {}

  /** Whether {@code weights} hold every convolution that {@code layer} of {@code model} needs. */
  public static boolean computable(VggModel model, ConvParameters weights, String layer) {
    return VggLayers.convsNeededFor(model, layer).stream().allMatch(weights::has);
  }

  /** The layers of {@code layers} that the weights can compute, in the given order. */
  public static List<String> available(
      VggModel model, ConvParameters weights, List<String> layers) {
    return layers.stream().filter(l -> computable(model, weights, l)).toList();
  }

  /** The layers of {@code layers} that the weights cannot compute, in the given order. */
  public static List<String> omitted(VggModel model, ConvParameters weights, List<String> layers) {
    return layers.stream().filter(l -> !computable(model, weights, l)).toList();
  }

  /**
   * The paper's content layer (relu4_2) if the weights allow it, else the one the transfer's
   * defaults fall back to ({@link LayerFallback}: reluB_2 of the deepest block B the weights hold,
   * relu3_2 for the shared conv1_1 … conv3_4 file), so figures and transfers use one rule.
   *
   * @throws NstException if the weights cannot compute even relu1_1
   */
  public static String contentLayer(VggModel model, ConvParameters weights) {
    if (computable(model, weights, CONTENT)) {
      return CONTENT;
    }
    return LayerFallback.forWeights(model, weights).contentLayers().get(0);
  }

  /** The last convolution the weights hold without a gap from conv1_1, or null if none. */
  public static String lastConv(VggModel model, ConvParameters weights) {
    String last = null;
    for (String conv : model.convNames()) {
      if (!weights.has(conv)) {
        break;
      }
      last = conv;
    }
    return last;
  }

  /** The paper's name of one of our layers: {@code relu3_1} becomes {@code conv3_1}. */
  public static String paperName(String layer) {
    return layer.startsWith("relu") ? "conv" + layer.substring(4) : layer;
  }

  /**
   * A caption line such as "conv4_1, conv5_1 omitted: the weights file stops at conv3_4", or null
   * when nothing is omitted.
   */
  public static String omissionNote(VggModel model, ConvParameters weights, List<String> omitted) {
    if (omitted.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String layer : omitted) {
      names.add(paperName(layer));
    }
    String last = lastConv(model, weights);
    return String.join(", ", names)
        + " omitted: the weights file "
        + (last == null ? "has no conv1_1" : "stops at " + last);
  }
}

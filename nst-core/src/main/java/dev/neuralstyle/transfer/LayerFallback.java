package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The default layers for a weights file that lacks some of them (the shared test file stops at
 * conv3_4). The paper's layers ({@link Defaults#CONTENT_LAYERS}, {@link Defaults#STYLE_LAYERS})
 * stay the default wherever the file holds them; otherwise the run uses the deepest layers of the
 * same pattern that the file has: content {@code reluB_2} of the deepest block B (at most 4, so
 * never deeper than the paper's relu4_2) whose layers are all present, and style every {@code
 * reluB_1} present. Only defaults fall back: a layer the user or a preset names stays an error when
 * the file lacks it (see {@code VggWeights.requireLayers}). Differs from Gatys et al. (2015), who
 * always have the whole network.
 *
 * @param contentLayers the content layers to use
 * @param styleLayers the style layers to use
 * @param note one line saying what fell back and why, or {@code null} when the defaults fit
 */
public record LayerFallback(List<String> contentLayers, List<String> styleLayers, String note) {
  private static final int DEEPEST_CONTENT_BLOCK = 4;
  private static final int BLOCKS = 5;

  /** Copies the lists. */
  public LayerFallback {
    contentLayers = List.copyOf(contentLayers);
    styleLayers = List.copyOf(styleLayers);
  }

  /** Whether the defaults did not fit and other layers were chosen. */
  public boolean fellBack() {
    return note != null;
  }

  /**
   * The default layers of {@code model} adapted to {@code weights}.
   *
   * @throws NstException if the weights cannot compute even relu1_1
   */
  public static LayerFallback forWeights(VggModel model, ConvParameters weights) {
    List<String> content = Defaults.CONTENT_LAYERS;
    List<String> style = Defaults.STYLE_LAYERS;
    boolean contentFits = content.stream().allMatch(l -> computable(model, weights, l));
    boolean styleFits = style.stream().allMatch(l -> computable(model, weights, l));
    if (contentFits && styleFits) {
      return new LayerFallback(content, style, null);
    }
    if (!computable(model, weights, "relu1_1")) {
      throw new NstException(
          "the weights have no conv1_1, so no layer can be computed; use a full "
              + model.cliName()
              + " weights file");
    }
    if (!contentFits) {
      content = List.of(deepestContent(model, weights));
    }
    if (!styleFits) {
      List<String> present = new ArrayList<>();
      for (int b = 1; b <= BLOCKS; b++) {
        if (computable(model, weights, "relu" + b + "_1")) {
          present.add("relu" + b + "_1");
        }
      }
      style = present;
    }
    String note =
        "the weights lack layers of the defaults (content "
            + String.join(",", Defaults.CONTENT_LAYERS)
            + ", style "
            + String.join(",", Defaults.STYLE_LAYERS)
            + "): using content "
            + String.join(",", content)
            + " and style "
            + String.join(",", style)
            + ", the deepest they have";
    return new LayerFallback(content, style, note);
  }

  /**
   * {@code request} on this fallback's layers where it would run on the defaults: its content
   * layers unless {@code contentChosen}, its style layers unless {@code styleChosen} (chosen by the
   * user, a preset or a run record). Returns {@code request} itself when the defaults fit or both
   * were chosen, so a result that differs from {@code request} says that the run fell back.
   */
  public StyleTransferRequest applyTo(
      StyleTransferRequest request, boolean contentChosen, boolean styleChosen) {
    if (!fellBack() || (contentChosen && styleChosen)) {
      return request;
    }
    StyleTransferRequestBuilder b = request.toBuilder();
    if (!contentChosen) {
      b.contentLayers(contentLayers);
    }
    if (!styleChosen) {
      b.styleLayers(styleLayers);
    }
    return b.build();
  }

  private static String deepestContent(VggModel model, ConvParameters weights) {
    for (int b = DEEPEST_CONTENT_BLOCK; b >= 1; b--) {
      if (computable(model, weights, "relu" + b + "_2")) {
        return "relu" + b + "_2";
      }
    }
    return "relu1_1";
  }

  /** Whether every convolution up to {@code layer} is in {@code weights}. */
  private static boolean computable(VggModel model, ConvParameters weights, String layer) {
    return model.indexOf(layer) >= 0
        && VggLayers.convsNeededFor(model, layer).stream().allMatch(weights::has);
  }
}

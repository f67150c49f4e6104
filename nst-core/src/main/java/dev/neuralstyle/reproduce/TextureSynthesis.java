package dev.neuralstyle.reproduce;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Texture synthesis after Gatys, Ecker and Bethge, "Texture Synthesis Using Convolutional Neural
 * Networks" (arXiv 1505.07376): white noise is optimised so that its Gram matrices match a texture
 * image's at conv1_1, pool1, pool2, pool3 and pool4 (as far as the weights reach), with no content
 * term, so the output may have any size. Uses the paper's sums, no total variation and L-BFGS. The
 * texture is seamless (tiles in both directions) by default ({@link Defaults#TEXTURE_SEAMLESS}).
 */
public final class TextureSynthesis {
  private final ConvParameters weights;
  private final Preprocessing convention;
  private final FigureSettings settings;

  /**
   * Synthesises with {@code weights}, which expect inputs in {@code convention}.
   *
   * @param settings model, pooling, evaluations and seed; {@link FigureSettings#size()} is the
   *     texture image's longest side, which sets the scale of the synthesised structures
   */
  public TextureSynthesis(
      ConvParameters weights, Preprocessing convention, FigureSettings settings) {
    this.weights = weights;
    this.convention = convention;
    this.settings = settings;
  }

  /** The texture paper's layers that the weights can compute (our names). */
  public List<String> layers() {
    return PaperLayers.available(settings.model(), weights, PaperLayers.TEXTURE);
  }

  /** The texture paper's layers that the weights cannot compute (our names). */
  public List<String> omittedLayers() {
    return PaperLayers.omitted(settings.model(), weights, PaperLayers.TEXTURE);
  }

  /**
   * The request {@link #run} makes, for a run record.
   *
   * @throws NstException if the weights cannot compute relu1_1 or the size is out of range
   */
  public StyleTransferRequest request(Path texture, int width, int height) {
    return request(texture, width, height, Defaults.TEXTURE_SEAMLESS);
  }

  /**
   * The request {@link #run} makes, for a run record; {@code seamless} makes the texture tile in
   * both directions (circular padding, see {@link StyleTransferRequest#seamless()}).
   *
   * @throws NstException if the weights cannot compute relu1_1 or the size is out of range
   */
  public StyleTransferRequest request(Path texture, int width, int height, boolean seamless) {
    List<String> layers = layers();
    if (layers.isEmpty()) {
      throw new NstException("the weights have no conv1_1; use a VGG weights file");
    }
    return FigureAssembly.paperRecipe(settings)
        .content(null)
        .outputSize(width, height)
        .styles(List.of(texture))
        .styleSize(settings.size())
        .contentLayers(List.of())
        .styleLayers(layers)
        .contentWeight(0)
        .styleWeight(1)
        .seamless(seamless)
        .build();
  }

  /**
   * Synthesises a {@code width x height} texture from {@code texture}.
   *
   * @param listener receives the run's events
   * @param cancelled polled between iterations; when true the run stops with the current image
   */
  public StyleTransferResult run(
      Path texture, int width, int height, ProgressListener listener, BooleanSupplier cancelled) {
    return run(request(texture, width, height), listener, cancelled);
  }

  /**
   * Runs {@code request}, one made by {@link #request(Path, int, int, boolean)}.
   *
   * @param listener receives the run's events
   * @param cancelled polled between iterations; when true the run stops with the current image
   */
  public StyleTransferResult run(
      StyleTransferRequest request, ProgressListener listener, BooleanSupplier cancelled) {
    try (StyleTransfer engine = new StyleTransfer(weights, convention)) {
      return engine.run(request, listener, cancelled);
    }
  }
}

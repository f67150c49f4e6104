package dev.neuralstyle.transfer;

import dev.neuralstyle.SettingException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything that defines one style transfer, validated on construction. Build one with {@link
 * #builder()}, which starts from the defaults of the {@link Settings} schema; each setting's own
 * rule is checked by its schema entry, the rules across settings here. Every message of a rejected
 * value names the command-line flag, the rule and the value found.
 *
 * @param content the content photo; may be {@code null} for a run without content layers whose
 *     output size is given by {@code width} and {@code height} (texture synthesis)
 * @param styles the style images; may be empty only when there are no style layers
 * @param styleBlend blend weight per style image (empty: equal); normalised to sum 1
 * @param model the VGG architecture
 * @param pooling max or average pooling
 * @param size the output's longest side in pixels (the content image is resized to it)
 * @param styleScale style images are resized to {@code styleScale * size} on their longest side
 * @param styleSize if positive, the style images' longest side in pixels instead (Hvass: 300)
 * @param contentLayers layers whose responses the content loss matches
 * @param styleLayers layers whose Gram matrices the style loss matches
 * @param styleLayerWeights weight w_l per style layer (empty: 1 / number of layers)
 * @param contentWeight alpha
 * @param styleWeight beta
 * @param tvWeight gamma, the total-variation weight
 * @param lossForm the paper's sums or means
 * @param tvForm L1 or L2 total variation
 * @param adaptiveWeights the Hvass notebook's rescaling of each loss by 1/(value + 1e-10) every
 *     step
 * @param optimizer the optimiser
 * @param iterations the budget of loss-and-gradient evaluations
 * @param learningRate step size for Adam and GD, in 8-bit pixel levels (0..255 scale)
 * @param lbfgsHistory L-BFGS curvature pairs kept
 * @param init where the optimisation starts
 * @param seed seed of every random choice (noise init)
 * @param snapshotEvery emit a snapshot image every this many iterations (0: never)
 * @param preprocessing the weights' input convention, or {@code null} to use what the weights
 *     declare
 * @param tolerance stop early when the loss changes by less than this fraction over {@code
 *     toleranceWindow} iterations (0: never)
 * @param maxPixels refuse input images with more pixels than this
 * @param colorPreservation how the output keeps the content's colours
 * @param scales coarse-to-fine stage sizes before the final {@code size} (Gatys et al. 2017), each
 *     smaller than {@code size} (a last entry equal to {@code size} is allowed); empty: automatic
 *     (see {@link #stageSizes()}); {@code [size]}: one stage
 * @param contentMask spatial control (Gatys et al. 2017): an image with one flat colour per region
 *     of the output, or {@code null}
 * @param styleMasks one region image per style image, whose colours say which part of that style
 *     each output region takes its style from; empty: every region uses the whole style images
 * @param width if positive (with {@code height}), the exact output width, and the content image (if
 *     any) is resized to {@code width x height}, ignoring {@code size}'s aspect; 0 to follow the
 *     content
 * @param height the exact output height, or 0; see {@code width}
 * @param precision number format of the VGG passes (losses stay float32); reduced formats need
 *     hardware support, checked when the run starts (see {@link
 *     dev.neuralstyle.features.FeatureNetworks})
 * @param device where the run computes; a GPU that the engine does not see fails when the run
 *     starts (see {@link DeviceSpec#resolve()}), not here
 * @param seamless make the output tile in both directions: circular padding in every convolution
 *     and pooling, wrap-around total variation (needs {@code precision} fp32)
 * @param tile 0: stages are optimised whole unless their memory estimate exceeds what the machine
 *     has, when they are tiled automatically; positive: stages whose longer side exceeds this many
 *     pixels are optimised in tiles of about this size (see {@link TileGrid})
 * @param toleranceWindow early stopping compares the loss with its value this many iterations
 *     earlier (see {@code tolerance})
 */
public record StyleTransferRequest(
    Path content,
    List<Path> styles,
    List<Double> styleBlend,
    VggModel model,
    PoolingMode pooling,
    int size,
    double styleScale,
    int styleSize,
    List<String> contentLayers,
    List<String> styleLayers,
    List<Double> styleLayerWeights,
    double contentWeight,
    double styleWeight,
    double tvWeight,
    LossForm lossForm,
    TvForm tvForm,
    boolean adaptiveWeights,
    OptimizerKind optimizer,
    int iterations,
    double learningRate,
    int lbfgsHistory,
    InitSpec init,
    long seed,
    int snapshotEvery,
    Preprocessing preprocessing,
    double tolerance,
    long maxPixels,
    ColorPreservation colorPreservation,
    List<Integer> scales,
    Path contentMask,
    List<Path> styleMasks,
    int width,
    int height,
    Precision precision,
    DeviceSpec device,
    boolean seamless,
    int tile,
    int toleranceWindow) {

  /** The longest side of any image a run works on: output, stage or style image. */
  public static final int MAX_SIDE = 16384;

  /** Validates every field; see the class comment. */
  public StyleTransferRequest {
    Settings.WIDTH.check(width);
    Settings.HEIGHT.check(height);
    if ((width == 0) != (height == 0) || (width > 0 && Math.min(width, height) < 16)) {
      throw SettingException.invalid(
          List.of("width", "height"), "give both (each >= 16) or neither", width + "x" + height);
    }
    Settings.CONTENT_LAYERS.check(contentLayers);
    Settings.STYLE_LAYERS.check(styleLayers);
    if (content == null && (!contentLayers.isEmpty() || width == 0)) {
      throw SettingException.missing(
          "content",
          "a content image is required unless the run has no content layers and an output"
              + " {width}/{height}");
    }
    Settings.INIT.check(init);
    if (content == null && (init.mode() == InitMode.CONTENT || init.mode() == InitMode.BLEND)) {
      throw SettingException.invalid("init", "'" + init.describe() + "' needs a content image");
    }
    Settings.STYLE.check(styles);
    styles = List.copyOf(styles);
    if (styles.isEmpty() && (!styleLayers.isEmpty() || init.mode() == InitMode.STYLE)) {
      throw SettingException.invalid("style", "at least one style image is required");
    }
    styleBlend = List.copyOf(styleBlend);
    if (!styleBlend.isEmpty() && styleBlend.size() != styles.size()) {
      throw SettingException.invalid(
          "style-blend",
          styleBlend.size()
              + " weights given for "
              + styles.size()
              + " style images; give one weight per style image");
    }
    Settings.STYLE_BLEND.check(styleBlend);
    if (!styleBlend.isEmpty() && styleBlend.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw SettingException.invalid("style-blend", "weights must not all be 0");
    }
    Settings.MODEL.check(model);
    Settings.POOLING.check(pooling);
    Settings.SIZE.check(size);
    Settings.STYLE_SCALE.check(styleScale);
    Settings.STYLE_SIZE.check(styleSize);
    if (styleSize == 0 && styleScale * size > MAX_SIDE) {
      throw SettingException.invalid(
          "style-scale",
          String.format(
              java.util.Locale.ROOT,
              "style images would be %.3g px on their longest side ({style-scale} %s x {size} %d);"
                  + " at most %d",
              styleScale * size,
              Checks.shortNumber(styleScale),
              size,
              MAX_SIDE));
    }
    contentLayers = List.copyOf(contentLayers);
    styleLayers = List.copyOf(styleLayers);
    VggLayers.requireKnown(model, contentLayers, "content-layers");
    VggLayers.requireKnown(model, styleLayers, "style-layers");
    if (!styles.isEmpty() && styleWeight > 0 && styleLayers.isEmpty()) {
      throw SettingException.invalid(
          "style-layers", "no layer given; name at least one (e.g. relu1_1)");
    }
    if (content != null && contentWeight > 0 && contentLayers.isEmpty()) {
      throw SettingException.invalid(
          "content-layers", "no layer given; name at least one (e.g. relu4_2)");
    }
    if (contentLayers.isEmpty() && styleLayers.isEmpty()) {
      throw SettingException.invalid(
          List.of("content-layers", "style-layers"), "at least one layer is required", null);
    }
    styleLayerWeights = List.copyOf(styleLayerWeights);
    if (!styleLayerWeights.isEmpty() && styleLayerWeights.size() != styleLayers.size()) {
      throw SettingException.invalid(
          "style-layer-weights",
          styleLayerWeights.size() + " weights given for " + styleLayers.size() + " style layers");
    }
    Settings.STYLE_LAYER_WEIGHTS.check(styleLayerWeights);
    Settings.CONTENT_WEIGHT.check(contentWeight);
    Settings.STYLE_WEIGHT.check(styleWeight);
    Settings.TV_WEIGHT.check(tvWeight);
    Settings.LOSS_FORM.check(lossForm);
    Settings.TV_FORM.check(tvForm);
    Settings.OPTIMIZER.check(optimizer);
    Settings.ITERATIONS.check(iterations);
    Settings.LEARNING_RATE.check(learningRate);
    Settings.LBFGS_HISTORY.check(lbfgsHistory);
    Settings.SAVE_EVERY.check(snapshotEvery);
    Settings.TOLERANCE.check(tolerance);
    Settings.TOLERANCE_WINDOW.check(toleranceWindow);
    Settings.PRESERVE_COLORS.check(colorPreservation);
    scales = List.copyOf(scales);
    int previous = 0;
    for (int i = 0; i < scales.size(); i++) {
      int scale = scales.get(i);
      boolean last = i == scales.size() - 1;
      if (scale < 16 || scale <= previous || scale > size || (scale == size && !last)) {
        throw SettingException.invalid(
            "scales", "sizes must increase, each from 16 up to {size} " + size, scales);
      }
      previous = scale;
    }
    styleMasks = List.copyOf(styleMasks);
    if (!styleMasks.isEmpty() && contentMask == null) {
      throw SettingException.invalid("style-mask", "it needs {content-mask} as well");
    }
    if (!styleMasks.isEmpty() && styleMasks.size() != styles.size()) {
      throw SettingException.invalid(
          "style-mask",
          styleMasks.size()
              + " masks given for "
              + styles.size()
              + " style images; give one mask per style image");
    }
    Settings.PRECISION.check(precision);
    Settings.MAX_PIXELS.check(maxPixels);
    Settings.DEVICE.check(device);
    if (seamless && precision != Precision.FP32) {
      throw SettingException.invalid(
          "precision",
          "{seamless} needs fp32 (the reduced-precision network pads with zeros only)",
          precision.cliName());
    }
    Settings.TILE.check(tile);
    if (tile != 0 && contentMask != null) {
      throw SettingException.invalid(
          "tile", "tiling does not support {content-mask} yet, found {tile} " + tile);
    }
  }

  /** A builder holding the {@link Defaults}; content and style must be set. */
  public static StyleTransferRequestBuilder builder() {
    return new StyleTransferRequestBuilder();
  }

  /** A builder holding this request's values, to derive a changed copy. */
  public StyleTransferRequestBuilder toBuilder() {
    return new StyleTransferRequestBuilder(this);
  }

  /** Whether the output size is given explicitly rather than derived from the content image. */
  public boolean hasOutputSize() {
    return width > 0;
  }

  /**
   * The stage sizes in order, ending with {@code size}. Without {@code scales}, an output larger
   * than {@link Defaults#SINGLE_STAGE_MAX} starts coarse (Gatys et al. 2017): the size is halved
   * until it is at most that, e.g. 512 gives 256, 512 and 1024 gives 256, 512, 1024. {@code scales}
   * equal to {@code [size]} asks for one stage.
   */
  public List<Integer> stageSizes() {
    List<Integer> stages = new java.util.ArrayList<>(scales);
    if (stages.isEmpty()) {
      for (int s = size; s > Defaults.SINGLE_STAGE_MAX; ) {
        s = Math.round(s / 2f);
        stages.add(0, s);
      }
    }
    if (stages.isEmpty() || stages.get(stages.size() - 1) != size) {
      stages.add(size);
    }
    return List.copyOf(stages);
  }

  /**
   * The evaluation budget of each stage: {@code iterations} for the first, then 2/5 of it for each
   * finer one (Gatys et al. 2017 used 500 then 200).
   */
  public List<Integer> stageIterations() {
    List<Integer> budget = new java.util.ArrayList<>();
    int stages = stageSizes().size();
    for (int i = 0; i < stages; i++) {
      budget.add(i == 0 ? iterations : Math.max(1, (int) Math.round(iterations * 0.4)));
    }
    return List.copyOf(budget);
  }

  /** The evaluation budget of the whole run: every stage's ({@link #stageIterations()}). */
  public int totalIterations() {
    return stageIterations().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The snapshot period that spreads {@code frames} snapshots over the whole run: the total budget
   * divided by {@code frames}, rounded up, at least 1.
   */
  public int framePeriod(int frames) {
    return Math.max(1, (totalIterations() + frames - 1) / frames);
  }

  /** Blend weights normalised to sum 1, one per style image. */
  public double[] normalizedStyleBlend() {
    double[] w = new double[styles.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = styleBlend.isEmpty() ? 1 : styleBlend.get(i);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** Weight w_l of each style layer: as given, or 1 / number of style layers. */
  public double[] effectiveStyleLayerWeights() {
    double[] w = new double[styleLayers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = styleLayerWeights.isEmpty() ? 1.0 / w.length : styleLayerWeights.get(i);
    }
    return w;
  }
}

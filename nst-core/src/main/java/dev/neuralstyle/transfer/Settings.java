package dev.neuralstyle.transfer;

import static dev.neuralstyle.transfer.Setting.Front.CLI;
import static dev.neuralstyle.transfer.Setting.Front.FORM;
import static dev.neuralstyle.transfer.Setting.Front.JOBS;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.Setting.Front;
import dev.neuralstyle.transfer.Setting.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The settings schema: every setting of a {@link StyleTransferRequest}, declared once, in the order
 * {@code --help} lists them. Values come from {@link Defaults} (where each default's reason is
 * written down); everything else about a setting is here. Adding a setting: a component of {@link
 * StyleTransferRequest}, its builder accessors, and one entry here.
 */
public final class Settings {
  private static final List<Setting<?>> ALL = new ArrayList<>();

  /**
   * {@code init}: Start image: noise, content, style, gray, blend[:NOISE_RATIO] or an image FILE.
   */
  public static final Setting<InitSpec> INIT =
      add(
          "init",
          "init",
          SettingType.INIT,
          Defaults.INIT,
          "Start image: noise, content, style, gray, blend[:NOISE_RATIO] or an " + "image FILE.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::init,
          StyleTransferRequestBuilder::init,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code max-pixels}: Refuse input images with more pixels than this (decompression-bomb guard).
   */
  public static final Setting<Long> MAX_PIXELS =
      add(
          "max-pixels",
          "maxPixels",
          SettingType.LONG,
          Defaults.MAX_PIXELS,
          "Refuse input images with more pixels than this (decompression-bomb " + "guard).",
          Rule.AT_LEAST_ONE,
          StyleTransferRequestBuilder::maxPixels,
          StyleTransferRequestBuilder::maxPixels,
          CLI,
          JOBS);

  /** {@code model}: vgg19 or vgg16 (without --model or --preset, the one in --weights is used). */
  public static final Setting<VggModel> MODEL =
      add(
          "model",
          "model",
          SettingType.choice(VggModel.class, VggModel::cliName, VggModel::parse),
          Defaults.MODEL,
          "vgg19 or vgg16 (without --model or --preset, the one in --weights is " + "used).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::model,
          StyleTransferRequestBuilder::model,
          CLI,
          JOBS,
          FORM);

  /** {@code pooling}: avg or max. */
  public static final Setting<PoolingMode> POOLING =
      add(
          "pooling",
          "pooling",
          SettingType.choice(PoolingMode.class, PoolingMode::cliName, PoolingMode::parse),
          Defaults.POOLING,
          "avg or max.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::pooling,
          StyleTransferRequestBuilder::pooling,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code precision}: Number format of the VGG passes: fp32; bf16 (CPUs with AVX512-BF16/AMX, or
   * GPUs; losses stay fp32, final loss within 2% of fp32); fp16 (GPUs only).
   */
  public static final Setting<Precision> PRECISION =
      add(
          "precision",
          "precision",
          SettingType.choice(Precision.class, Precision::cliName, Precision::parse),
          Defaults.PRECISION,
          "Number format of the VGG passes: fp32; bf16 (CPUs with "
              + "AVX512-BF16/AMX, or GPUs; losses stay fp32, final loss within 2% of "
              + "fp32); fp16 (GPUs only).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::precision,
          StyleTransferRequestBuilder::precision,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code preprocessing}: Input convention of the weights, caffe or torchvision, overriding what
   * the weights file declares.
   */
  public static final Setting<Preprocessing> PREPROCESSING =
      add(
          "preprocessing",
          "preprocessing",
          SettingType.choice(Preprocessing.class, Preprocessing::cliName, Preprocessing::parse),
          null,
          "Input convention of the weights, caffe or torchvision, overriding what "
              + "the weights file declares. Default: the file's.",
          Rule.ANY,
          StyleTransferRequestBuilder::preprocessing,
          StyleTransferRequestBuilder::preprocessing,
          CLI,
          JOBS);

  /** {@code size}: Output's longest side (aspect kept). */
  public static final Setting<Integer> SIZE =
      add(
          "size",
          "size",
          SettingType.INTEGER,
          Defaults.SIZE,
          "Output's longest side (aspect kept).",
          Rule.SIDE,
          StyleTransferRequestBuilder::size,
          StyleTransferRequestBuilder::size,
          CLI,
          JOBS,
          FORM);

  /** {@code style-scale}: Style images' longest side as a multiple of --size. */
  public static final Setting<Double> STYLE_SCALE =
      add(
          "style-scale",
          "styleScale",
          SettingType.NUMBER,
          Defaults.STYLE_SCALE,
          "Style images' longest side as a multiple of --size.",
          Rule.POSITIVE,
          StyleTransferRequestBuilder::styleScale,
          StyleTransferRequestBuilder::styleScale,
          CLI,
          JOBS,
          FORM);

  /** {@code style-size}: Style images' longest side in pixels instead of --style-scale (0: off). */
  public static final Setting<Integer> STYLE_SIZE =
      add(
          "style-size",
          "styleSize",
          SettingType.INTEGER,
          0,
          "Style images' longest side in pixels instead of --style-scale (0: " + "off).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::styleSize,
          StyleTransferRequestBuilder::styleSize,
          CLI,
          JOBS,
          FORM);

  /** {@code content-layers}: Layers for the content loss (conv1_1, relu4_2, pool3, . */
  public static final Setting<List<String>> CONTENT_LAYERS =
      add(
          "content-layers",
          "contentLayers",
          SettingType.WORDS,
          Defaults.CONTENT_LAYERS,
          "Layers for the content loss (conv1_1, relu4_2, pool3, ...).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::contentLayers,
          StyleTransferRequestBuilder::contentLayers,
          CLI,
          JOBS,
          FORM);

  /** {@code style-layers}: Layers for the style loss. */
  public static final Setting<List<String>> STYLE_LAYERS =
      add(
          "style-layers",
          "styleLayers",
          SettingType.WORDS,
          Defaults.STYLE_LAYERS,
          "Layers for the style loss.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::styleLayers,
          StyleTransferRequestBuilder::styleLayers,
          CLI,
          JOBS,
          FORM);

  /** {@code style-layer-weights}: Weight per style layer. */
  public static final Setting<List<Double>> STYLE_LAYER_WEIGHTS =
      add(
          "style-layer-weights",
          "styleLayerWeights",
          SettingType.NUMBERS,
          List.of(),
          "Weight per style layer. Default: 1 / number of style layers.",
          Rule.NON_NEGATIVE_EACH,
          StyleTransferRequestBuilder::styleLayerWeights,
          StyleTransferRequestBuilder::styleLayerWeights,
          CLI,
          JOBS,
          FORM);

  /** {@code content-weight}: Content weight alpha. */
  public static final Setting<Double> CONTENT_WEIGHT =
      add(
          "content-weight",
          "contentWeight",
          SettingType.NUMBER,
          Defaults.CONTENT_WEIGHT,
          "Content weight alpha.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::contentWeight,
          StyleTransferRequestBuilder::contentWeight,
          CLI,
          JOBS,
          FORM);

  /** {@code style-weight}: Style weight beta. */
  public static final Setting<Double> STYLE_WEIGHT =
      add(
          "style-weight",
          "styleWeight",
          SettingType.NUMBER,
          Defaults.STYLE_WEIGHT,
          "Style weight beta.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::styleWeight,
          StyleTransferRequestBuilder::styleWeight,
          CLI,
          JOBS,
          FORM);

  /** {@code tv-weight}: Total-variation weight. */
  public static final Setting<Double> TV_WEIGHT =
      add(
          "tv-weight",
          "tvWeight",
          SettingType.NUMBER,
          Defaults.TV_WEIGHT,
          "Total-variation weight.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::tvWeight,
          StyleTransferRequestBuilder::tvWeight,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code loss-form}: normalized (relative errors, mean total variation), paper (the paper's sums)
   * or mean (means with summed total variation, jcjohnson).
   */
  public static final Setting<LossForm> LOSS_FORM =
      add(
          "loss-form",
          "lossForm",
          SettingType.lowerCaseChoice(LossForm.class),
          Defaults.LOSS_FORM,
          "normalized (relative errors, mean total variation), paper (the paper's "
              + "sums) or mean (means with summed total variation, jcjohnson).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::lossForm,
          StyleTransferRequestBuilder::lossForm,
          CLI,
          JOBS,
          FORM);

  /** {@code tv-form}: Total variation norm: l1 or l2. */
  public static final Setting<TvForm> TV_FORM =
      add(
          "tv-form",
          "tvForm",
          SettingType.lowerCaseChoice(TvForm.class),
          Defaults.TV_FORM,
          "Total variation norm: l1 or l2.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::tvForm,
          StyleTransferRequestBuilder::tvForm,
          CLI,
          JOBS,
          FORM);

  /** {@code adaptive-weights}: Rescale each loss by 1/its value every step (Hvass). */
  public static final Setting<Boolean> ADAPTIVE_WEIGHTS =
      add(
          "adaptive-weights",
          "adaptiveWeights",
          SettingType.BOOLEAN,
          false,
          "Rescale each loss by 1/its value every step (Hvass).",
          Rule.ANY,
          StyleTransferRequestBuilder::adaptiveWeights,
          StyleTransferRequestBuilder::adaptiveWeights,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code seamless}: Make the output tile in both directions (circular padding in every
   * convolution and pooling, wrap-around total variation; needs --precision fp32).
   */
  public static final Setting<Boolean> SEAMLESS =
      add(
          "seamless",
          "seamless",
          SettingType.BOOLEAN,
          Defaults.SEAMLESS,
          "Make the output tile in both directions (circular padding in every "
              + "convolution and pooling, wrap-around total variation; needs "
              + "--precision fp32).",
          Rule.ANY,
          StyleTransferRequestBuilder::seamless,
          StyleTransferRequestBuilder::seamless,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code tile}: Optimise stages whose longer side exceeds PX in overlapping tiles of about PX
   * (style statistics of the whole image, exact up to rounding; memory bounded by the tile).
   */
  public static final Setting<Integer> TILE =
      add(
          "tile",
          "tile",
          SettingType.INTEGER,
          Defaults.TILE,
          "Optimise stages whose longer side exceeds PX in overlapping tiles of "
              + "about PX (style statistics of the whole image, exact up to rounding; "
              + "memory bounded by the tile). 0: only when a stage's memory estimate "
              + "exceeds the available memory.",
          Rule.TILE,
          StyleTransferRequestBuilder::tile,
          StyleTransferRequestBuilder::tile,
          CLI,
          JOBS,
          FORM);

  /** {@code optimizer}: lbfgs, adam or gd (Hvass's std-normalised gradient descent). */
  public static final Setting<OptimizerKind> OPTIMIZER =
      add(
          "optimizer",
          "optimizer",
          SettingType.choice(OptimizerKind.class, OptimizerKind::cliName, OptimizerKind::parse),
          Defaults.OPTIMIZER,
          "lbfgs, adam or gd (Hvass's std-normalised gradient descent).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::optimizer,
          StyleTransferRequestBuilder::optimizer,
          CLI,
          JOBS,
          FORM);

  /** {@code iterations}: Budget of loss-and-gradient evaluations. */
  public static final Setting<Integer> ITERATIONS =
      add(
          "iterations",
          "iterations",
          SettingType.INTEGER,
          Defaults.ITERATIONS,
          "Budget of loss-and-gradient evaluations.",
          Rule.ITERATIONS,
          StyleTransferRequestBuilder::iterations,
          StyleTransferRequestBuilder::iterations,
          CLI,
          JOBS,
          FORM);

  /** {@code learning-rate}: Adam/GD step, in 8-bit pixel levels. */
  public static final Setting<Double> LEARNING_RATE =
      add(
          "learning-rate",
          "learningRate",
          SettingType.NUMBER,
          Defaults.LEARNING_RATE,
          "Adam/GD step, in 8-bit pixel levels.",
          Rule.POSITIVE,
          StyleTransferRequestBuilder::learningRate,
          StyleTransferRequestBuilder::learningRate,
          CLI,
          JOBS,
          FORM);

  /** {@code lbfgs-history}: L-BFGS memory. */
  public static final Setting<Integer> LBFGS_HISTORY =
      add(
          "lbfgs-history",
          "lbfgsHistory",
          SettingType.INTEGER,
          Defaults.LBFGS_HISTORY,
          "L-BFGS memory.",
          Rule.HISTORY,
          StyleTransferRequestBuilder::lbfgsHistory,
          StyleTransferRequestBuilder::lbfgsHistory,
          CLI,
          JOBS,
          FORM);

  /** {@code tolerance}: early stopping. */
  public static final Setting<Double> TOLERANCE =
      add(
          "tolerance",
          "tolerance",
          SettingType.NUMBER,
          Defaults.TOLERANCE,
          "End a stage when the loss fell by less than this fraction over --tolerance-window"
              + " iterations (0: never).",
          Rule.FRACTION,
          StyleTransferRequestBuilder::tolerance,
          StyleTransferRequestBuilder::tolerance,
          CLI,
          JOBS,
          FORM);

  /** {@code tolerance-window}: the iterations over which {@code tolerance} measures the fall. */
  public static final Setting<Integer> TOLERANCE_WINDOW =
      add(
          "tolerance-window",
          "toleranceWindow",
          SettingType.INTEGER,
          Defaults.TOLERANCE_WINDOW,
          "Iterations over which --tolerance measures the loss's fall.",
          Rule.WINDOW,
          StyleTransferRequestBuilder::toleranceWindow,
          StyleTransferRequestBuilder::toleranceWindow,
          CLI,
          JOBS,
          FORM);

  /** {@code seed}: Seed of the noise start. */
  public static final Setting<Long> SEED =
      add(
          "seed",
          "seed",
          SettingType.LONG,
          Defaults.SEED,
          "Seed of the noise start.",
          Rule.ANY,
          StyleTransferRequestBuilder::seed,
          StyleTransferRequestBuilder::seed,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code device}: auto (the first CUDA GPU if the engine sees one, else the CPU), cpu, gpu or
   * gpu:N.
   */
  public static final Setting<DeviceSpec> DEVICE =
      add(
          "device",
          "device",
          SettingType.DEVICE,
          Defaults.DEVICE,
          "auto (the first CUDA GPU if the engine sees one, else the CPU), cpu, "
              + "gpu or gpu:N. A GPU needs a build with -Pcuda (see the README).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::device,
          StyleTransferRequestBuilder::device,
          CLI,
          JOBS,
          FORM);

  /** {@code preserve-colors}: Keep the content's colours (Gatys et al. */
  public static final Setting<ColorPreservation> PRESERVE_COLORS =
      add(
          "preserve-colors",
          "colorPreservation",
          SettingType.choice(
              ColorPreservation.class, ColorPreservation::cliName, ColorPreservation::parse),
          Defaults.COLOR_PRESERVATION,
          "Keep the content's colours (Gatys et al. 2016): none, histogram "
              + "(recolour the style first), luminance (transfer luminance only) or "
              + "chroma (swap the content's chroma in afterwards).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::colorPreservation,
          StyleTransferRequestBuilder::colorPreservation,
          CLI,
          JOBS,
          FORM);

  /**
   * {@code scales}: Coarse-to-fine: first run at these sizes, increasing and below --size, each
   * starting from the previous result (Gatys et al.
   */
  public static final Setting<List<Integer>> SCALES =
      add(
          "scales",
          "scales",
          SettingType.INTEGERS,
          List.of(),
          "Coarse-to-fine: first run at these sizes, increasing and below --size, "
              + "each starting from the previous result (Gatys et al. 2017). Default: "
              + "automatic above 384 px, halving down to 384 or less (512: 256,512); "
              + "--scales SIZE runs one stage.",
          Rule.ANY,
          StyleTransferRequestBuilder::scales,
          StyleTransferRequestBuilder::scales,
          CLI,
          JOBS,
          FORM);

  /** {@code content}: Content image. */
  public static final Setting<Path> CONTENT =
      add(
          "content",
          "content",
          SettingType.PATH,
          null,
          "Content image.",
          Rule.ANY,
          StyleTransferRequestBuilder::content,
          StyleTransferRequestBuilder::content,
          CLI);

  /** {@code style}: Style images. */
  public static final Setting<List<Path>> STYLE =
      add(
          "style",
          "styles",
          SettingType.PATHS,
          List.of(),
          "Style images.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::styles,
          StyleTransferRequestBuilder::styles,
          CLI);

  /** {@code style-blend}: Blend weight per style image (default: equal). */
  public static final Setting<List<Double>> STYLE_BLEND =
      add(
          "style-blend",
          "styleBlend",
          SettingType.NUMBERS,
          List.of(),
          "Blend weight per style image (default: equal).",
          Rule.NON_NEGATIVE_EACH,
          StyleTransferRequestBuilder::styleBlend,
          StyleTransferRequestBuilder::styleBlend,
          CLI,
          FORM);

  /** {@code content-mask}: Spatial control (Gatys et al. */
  public static final Setting<Path> CONTENT_MASK =
      add(
          "content-mask",
          "contentMask",
          SettingType.PATH,
          null,
          "Spatial control (Gatys et al. 2017): one flat colour per region of the " + "output.",
          Rule.ANY,
          StyleTransferRequestBuilder::contentMask,
          StyleTransferRequestBuilder::contentMask,
          CLI,
          JOBS);

  /** {@code style-mask}: One region image per style image. */
  public static final Setting<List<Path>> STYLE_MASK =
      add(
          "style-mask",
          "styleMasks",
          SettingType.PATHS,
          List.of(),
          "One region image per style image.",
          Rule.ANY,
          StyleTransferRequestBuilder::styleMasks,
          StyleTransferRequestBuilder::styleMasks,
          CLI,
          JOBS);

  /** {@code width}: Exact output width (with --height; 0: follow the content). */
  public static final Setting<Integer> WIDTH =
      add(
          "width",
          "width",
          SettingType.INTEGER,
          0,
          "Exact output width (with --height; 0: follow the content).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::width,
          (b, w) -> b.outputSize(w, b.height()));

  /** {@code height}: Exact output height (with --width; 0: follow the content). */
  public static final Setting<Integer> HEIGHT =
      add(
          "height",
          "height",
          SettingType.INTEGER,
          0,
          "Exact output height (with --width; 0: follow the content).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::height,
          (b, h) -> b.outputSize(b.width(), h));

  /** {@code save-every}: Emit a snapshot image every N iterations (0: never). */
  public static final Setting<Integer> SAVE_EVERY =
      add(
          "save-every",
          "snapshotEvery",
          SettingType.INTEGER,
          Defaults.SNAPSHOT_EVERY,
          "Emit a snapshot image every N iterations (0: never).",
          Rule.COUNT,
          StyleTransferRequestBuilder::snapshotEvery,
          StyleTransferRequestBuilder::snapshotEvery);

  private Settings() {}

  /** Every setting, in {@code --help} order. */
  public static List<Setting<?>> all() {
    return List.copyOf(ALL);
  }

  /** The settings users set at {@code front}, in {@code --help} order. */
  public static List<Setting<?>> in(Front front) {
    return ALL.stream().filter(s -> s.in(front)).toList();
  }

  /** The setting with this key ({@code tv-weight}), if any. */
  public static Optional<Setting<?>> byKey(String key) {
    return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The setting held in this request field ({@code tvWeight}), if any. */
  public static Optional<Setting<?>> byField(String field) {
    return ALL.stream().filter(s -> s.field().equals(field)).findFirst();
  }

  /** {@code contentWeight} or {@code content_weight} → {@code content-weight}; others unchanged. */
  public static String canonicalKey(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.trim().toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('-').append(Character.toLowerCase(c));
      } else {
        b.append(c == '_' ? '-' : c);
      }
    }
    return b.toString();
  }

  private static <T> Setting<T> add(
      String key,
      String field,
      SettingType<T> type,
      T defaultValue,
      String description,
      Rule rule,
      Function<StyleTransferRequestBuilder, T> get,
      BiConsumer<StyleTransferRequestBuilder, T> set,
      Front... fronts) {
    Setting<T> s =
        new Setting<>(key, field, type, defaultValue, description, rule, get, set, Set.of(fronts));
    ALL.add(s);
    return s;
  }
}

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
 * the CLI's help lists them. Descriptions refer to other settings as {@code {key}} ({@link
 * dev.neuralstyle.KeyText}). Values come from {@link Defaults} (where each default's reason is
 * written down); everything else about a setting is here. Adding a setting: a component of {@link
 * StyleTransferRequest}, its builder accessors, and one entry here.
 */
public final class Settings {
  private static final List<Setting<?>> ALL = new ArrayList<>();
  private static final Set<Front> EVERY = Set.of(CLI, JOBS, FORM);
  private static final Set<Front> CLI_JOBS = Set.of(CLI, JOBS);
  private static final Set<Front> CLI_FORM = Set.of(CLI, FORM);
  private static final Set<Front> CLI_ONLY = Set.of(CLI);
  private static final Set<Front> NONE = Set.of();

  public static final Setting<InitSpec> INIT =
      add(
          "init",
          SettingType.INIT,
          Defaults.INIT,
          "Start image: noise, content, style, gray, blend[:NOISE_RATIO] or an image FILE.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::init,
          StyleTransferRequestBuilder::init,
          EVERY);

  public static final Setting<Long> MAX_PIXELS =
      add(
          "max-pixels",
          SettingType.LONG,
          Defaults.MAX_PIXELS,
          "Refuse input images with more pixels than this (decompression-bomb guard).",
          Rule.AT_LEAST_ONE,
          StyleTransferRequestBuilder::maxPixels,
          StyleTransferRequestBuilder::maxPixels,
          CLI_JOBS);

  public static final Setting<VggModel> MODEL =
      add(
          "model",
          SettingType.choice(VggModel.class, VggModel::cliName, VggModel::parse),
          Defaults.MODEL,
          "vgg19 or vgg16 (without {model} or {preset}, the one in {weights} is used).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::model,
          StyleTransferRequestBuilder::model,
          EVERY);

  public static final Setting<PoolingMode> POOLING =
      add(
          "pooling",
          SettingType.choice(PoolingMode.class, PoolingMode::cliName, PoolingMode::parse),
          Defaults.POOLING,
          "avg or max.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::pooling,
          StyleTransferRequestBuilder::pooling,
          EVERY);

  public static final Setting<Precision> PRECISION =
      add(
          "precision",
          SettingType.choice(Precision.class, Precision::cliName, Precision::parse),
          Defaults.PRECISION,
          "Number format of the VGG passes: fp32; bf16 (CPUs with AVX512-BF16/AMX, or GPUs; losses stay fp32, final loss within 2% of fp32); fp16 (GPUs only).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::precision,
          StyleTransferRequestBuilder::precision,
          EVERY);

  public static final Setting<Preprocessing> PREPROCESSING =
      add(
          "preprocessing",
          SettingType.choice(Preprocessing.class, Preprocessing::cliName, Preprocessing::parse),
          null,
          "Input convention of the weights, caffe or torchvision, overriding what the weights file declares. Default: the file's.",
          Rule.ANY,
          StyleTransferRequestBuilder::preprocessing,
          StyleTransferRequestBuilder::preprocessing,
          CLI_JOBS);

  public static final Setting<Integer> SIZE =
      add(
          "size",
          SettingType.INTEGER,
          Defaults.SIZE,
          "Output's longest side (aspect kept).",
          Rule.SIDE,
          StyleTransferRequestBuilder::size,
          StyleTransferRequestBuilder::size,
          EVERY);

  public static final Setting<Double> STYLE_SCALE =
      add(
          "style-scale",
          SettingType.NUMBER,
          Defaults.STYLE_SCALE,
          "Style images' longest side as a multiple of {size}.",
          Rule.POSITIVE,
          StyleTransferRequestBuilder::styleScale,
          StyleTransferRequestBuilder::styleScale,
          EVERY);

  public static final Setting<Integer> STYLE_SIZE =
      add(
          "style-size",
          SettingType.INTEGER,
          0,
          "Style images' longest side in pixels instead of {style-scale} (0: off).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::styleSize,
          StyleTransferRequestBuilder::styleSize,
          EVERY);

  public static final Setting<List<String>> CONTENT_LAYERS =
      add(
          "content-layers",
          SettingType.WORDS,
          Defaults.CONTENT_LAYERS,
          "Layers for the content loss (conv1_1, relu4_2, pool3, ...).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::contentLayers,
          StyleTransferRequestBuilder::contentLayers,
          EVERY);

  public static final Setting<List<String>> STYLE_LAYERS =
      add(
          "style-layers",
          SettingType.WORDS,
          Defaults.STYLE_LAYERS,
          "Layers for the style loss.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::styleLayers,
          StyleTransferRequestBuilder::styleLayers,
          EVERY);

  public static final Setting<List<Double>> STYLE_LAYER_WEIGHTS =
      add(
          "style-layer-weights",
          SettingType.NUMBERS,
          List.of(),
          "Weight per style layer. Default: 1 / number of style layers.",
          Rule.NON_NEGATIVE_EACH,
          StyleTransferRequestBuilder::styleLayerWeights,
          StyleTransferRequestBuilder::styleLayerWeights,
          EVERY);

  public static final Setting<Double> CONTENT_WEIGHT =
      add(
          "content-weight",
          SettingType.NUMBER,
          Defaults.CONTENT_WEIGHT,
          "Content weight alpha.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::contentWeight,
          StyleTransferRequestBuilder::contentWeight,
          EVERY);

  public static final Setting<Double> STYLE_WEIGHT =
      add(
          "style-weight",
          SettingType.NUMBER,
          Defaults.STYLE_WEIGHT,
          "Style weight beta.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::styleWeight,
          StyleTransferRequestBuilder::styleWeight,
          EVERY);

  public static final Setting<Double> TV_WEIGHT =
      add(
          "tv-weight",
          SettingType.NUMBER,
          Defaults.TV_WEIGHT,
          "Total-variation weight.",
          Rule.NON_NEGATIVE,
          StyleTransferRequestBuilder::tvWeight,
          StyleTransferRequestBuilder::tvWeight,
          EVERY);

  public static final Setting<LossForm> LOSS_FORM =
      add(
          "loss-form",
          SettingType.lowerCaseChoice(LossForm.class),
          Defaults.LOSS_FORM,
          "normalized (relative errors, mean total variation), joint (as normalized, the style layers divided by one constant, so they weigh by their magnitudes), photo (as joint, divided by the photo's own Gram energy, so the balance is the same for every painting), paper (the paper's sums) or mean (means with summed total variation, jcjohnson).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::lossForm,
          StyleTransferRequestBuilder::lossForm,
          EVERY);

  public static final Setting<TvForm> TV_FORM =
      add(
          "tv-form",
          SettingType.lowerCaseChoice(TvForm.class),
          Defaults.TV_FORM,
          "Total variation norm: l1 or l2.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::tvForm,
          StyleTransferRequestBuilder::tvForm,
          EVERY);

  public static final Setting<Boolean> ADAPTIVE_WEIGHTS =
      add(
          "adaptive-weights",
          SettingType.BOOLEAN,
          false,
          "Rescale each loss by 1/its value every step (Hvass).",
          Rule.ANY,
          StyleTransferRequestBuilder::adaptiveWeights,
          StyleTransferRequestBuilder::adaptiveWeights,
          EVERY);

  public static final Setting<Boolean> SEAMLESS =
      add(
          "seamless",
          SettingType.BOOLEAN,
          Defaults.SEAMLESS,
          "Make the output tile in both directions (circular padding in every convolution and pooling, wrap-around total variation; needs {precision} fp32).",
          Rule.ANY,
          StyleTransferRequestBuilder::seamless,
          StyleTransferRequestBuilder::seamless,
          EVERY);

  public static final Setting<Integer> TILE =
      add(
          "tile",
          SettingType.INTEGER,
          Defaults.TILE,
          "Optimise stages whose longer side exceeds PX in overlapping tiles of about PX (style statistics of the whole image, exact up to rounding; memory bounded by the tile). 0: only when a stage's memory estimate exceeds the available memory.",
          Rule.TILE,
          StyleTransferRequestBuilder::tile,
          StyleTransferRequestBuilder::tile,
          EVERY);

  public static final Setting<OptimizerKind> OPTIMIZER =
      add(
          "optimizer",
          SettingType.choice(OptimizerKind.class, OptimizerKind::cliName, OptimizerKind::parse),
          Defaults.OPTIMIZER,
          "lbfgs, adam or gd (Hvass's std-normalised gradient descent).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::optimizer,
          StyleTransferRequestBuilder::optimizer,
          EVERY);

  public static final Setting<Integer> ITERATIONS =
      add(
          "iterations",
          SettingType.INTEGER,
          Defaults.ITERATIONS,
          "Budget of loss-and-gradient evaluations.",
          Rule.ITERATIONS,
          StyleTransferRequestBuilder::iterations,
          StyleTransferRequestBuilder::iterations,
          EVERY);

  public static final Setting<Double> LEARNING_RATE =
      add(
          "learning-rate",
          SettingType.NUMBER,
          Defaults.LEARNING_RATE,
          "Adam/GD step, in 8-bit pixel levels.",
          Rule.POSITIVE,
          StyleTransferRequestBuilder::learningRate,
          StyleTransferRequestBuilder::learningRate,
          EVERY);

  public static final Setting<Integer> LBFGS_HISTORY =
      add(
          "lbfgs-history",
          SettingType.INTEGER,
          Defaults.LBFGS_HISTORY,
          "L-BFGS memory.",
          Rule.HISTORY,
          StyleTransferRequestBuilder::lbfgsHistory,
          StyleTransferRequestBuilder::lbfgsHistory,
          EVERY);

  public static final Setting<Double> TOLERANCE =
      add(
          "tolerance",
          SettingType.NUMBER,
          Defaults.TOLERANCE,
          "End a stage when the loss fell by less than this fraction over {tolerance-window} iterations (0: never).",
          Rule.FRACTION,
          StyleTransferRequestBuilder::tolerance,
          StyleTransferRequestBuilder::tolerance,
          EVERY);

  public static final Setting<Integer> TOLERANCE_WINDOW =
      add(
          "tolerance-window",
          SettingType.INTEGER,
          Defaults.TOLERANCE_WINDOW,
          "Iterations over which {tolerance} measures the loss's fall.",
          Rule.WINDOW,
          StyleTransferRequestBuilder::toleranceWindow,
          StyleTransferRequestBuilder::toleranceWindow,
          EVERY);

  public static final Setting<Long> SEED =
      add(
          "seed",
          SettingType.LONG,
          Defaults.SEED,
          "Seed of the noise start.",
          Rule.ANY,
          StyleTransferRequestBuilder::seed,
          StyleTransferRequestBuilder::seed,
          EVERY);

  public static final Setting<DeviceSpec> DEVICE =
      add(
          "device",
          SettingType.DEVICE,
          Defaults.DEVICE,
          "auto (the first CUDA GPU if the engine sees one, else the CPU), cpu, gpu or gpu:N. A GPU needs a build with -Pcuda (see the README).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::device,
          StyleTransferRequestBuilder::device,
          EVERY);

  public static final Setting<ColorPreservation> PRESERVE_COLORS =
      addAs(
          "preserve-colors",
          "colorPreservation",
          SettingType.choice(
              ColorPreservation.class, ColorPreservation::cliName, ColorPreservation::parse),
          Defaults.COLOR_PRESERVATION,
          "Keep the content's colours (Gatys et al. 2016): none, histogram (recolour the style first), luminance (transfer luminance only) or chroma (swap the content's chroma in afterwards).",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::colorPreservation,
          StyleTransferRequestBuilder::colorPreservation,
          EVERY);

  public static final Setting<List<Integer>> SCALES =
      add(
          "scales",
          SettingType.INTEGERS,
          List.of(),
          "Coarse-to-fine: first run at these sizes, increasing and below {size}, each starting from the previous result (Gatys et al. 2017). Default: automatic above 384 px, halving down to 384 or less (512: 256,512); {scales} SIZE runs one stage.",
          Rule.ANY,
          StyleTransferRequestBuilder::scales,
          StyleTransferRequestBuilder::scales,
          EVERY);

  public static final Setting<Path> CONTENT =
      add(
          "content",
          SettingType.PATH,
          null,
          "Content image.",
          Rule.ANY,
          StyleTransferRequestBuilder::content,
          StyleTransferRequestBuilder::content,
          CLI_ONLY);

  public static final Setting<List<Path>> STYLE =
      addAs(
          "style",
          "styles",
          SettingType.PATHS,
          List.of(),
          "Style images.",
          Rule.REQUIRED,
          StyleTransferRequestBuilder::styles,
          StyleTransferRequestBuilder::styles,
          CLI_ONLY);

  public static final Setting<List<Double>> STYLE_BLEND =
      add(
          "style-blend",
          SettingType.NUMBERS,
          List.of(),
          "Blend weight per style image (default: equal).",
          Rule.NON_NEGATIVE_EACH,
          StyleTransferRequestBuilder::styleBlend,
          StyleTransferRequestBuilder::styleBlend,
          CLI_FORM);

  public static final Setting<Path> CONTENT_MASK =
      add(
          "content-mask",
          SettingType.PATH,
          null,
          "Spatial control (Gatys et al. 2017): one flat colour per region of the output.",
          Rule.ANY,
          StyleTransferRequestBuilder::contentMask,
          StyleTransferRequestBuilder::contentMask,
          CLI_JOBS);

  public static final Setting<List<Path>> STYLE_MASK =
      addAs(
          "style-mask",
          "styleMasks",
          SettingType.PATHS,
          List.of(),
          "One region image per style image.",
          Rule.ANY,
          StyleTransferRequestBuilder::styleMasks,
          StyleTransferRequestBuilder::styleMasks,
          CLI_JOBS);

  public static final Setting<Integer> WIDTH =
      add(
          "width",
          SettingType.INTEGER,
          0,
          "Exact output width (with {height}; 0: follow the content).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::width,
          (b, w) -> b.outputSize(w, b.height()),
          NONE);

  public static final Setting<Integer> HEIGHT =
      add(
          "height",
          SettingType.INTEGER,
          0,
          "Exact output height (with {width}; 0: follow the content).",
          Rule.SIDE_OR_ZERO,
          StyleTransferRequestBuilder::height,
          (b, h) -> b.outputSize(b.width(), h),
          NONE);

  public static final Setting<Integer> SAVE_EVERY =
      addAs(
          "save-every",
          "snapshotEvery",
          SettingType.INTEGER,
          Defaults.SNAPSHOT_EVERY,
          "Emit a snapshot image every N iterations (0: never).",
          Rule.COUNT,
          StyleTransferRequestBuilder::snapshotEvery,
          StyleTransferRequestBuilder::snapshotEvery,
          NONE);

  private Settings() {}

  /** Every setting, in the order of the CLI's help. */
  public static List<Setting<?>> all() {
    return List.copyOf(ALL);
  }

  /** The settings users set at {@code front}, in the order of the CLI's help. */
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

  /** A setting held in the request field named like its key ({@code tv-weight}: tvWeight). */
  private static <T> Setting<T> add(
      String key,
      SettingType<T> type,
      T defaultValue,
      String description,
      Rule rule,
      Function<StyleTransferRequestBuilder, T> get,
      BiConsumer<StyleTransferRequestBuilder, T> set,
      Set<Front> fronts) {
    StringBuilder field = new StringBuilder();
    for (String word : key.split("-")) {
      field.append(
          field.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return addAs(key, field.toString(), type, defaultValue, description, rule, get, set, fronts);
  }

  private static <T> Setting<T> addAs(
      String key,
      String field,
      SettingType<T> type,
      T defaultValue,
      String description,
      Rule rule,
      Function<StyleTransferRequestBuilder, T> get,
      BiConsumer<StyleTransferRequestBuilder, T> set,
      Set<Front> fronts) {
    Setting<T> s =
        new Setting<>(key, field, type, defaultValue, description, rule, get, set, fronts);
    ALL.add(s);
    return s;
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that set up a transfer itself (start image, recipe, network, sizes, losses,
 * optimiser, device, colours), shared by {@code transfer} and {@code batch} as a picocli mixin so
 * that each is declared once. The command using it supplies the defaults ({@link DefaultValues})
 * and its inputs and outputs.
 */
public final class TransferSettings {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--init",
      paramLabel = "INIT",
      converter = Converters.Init.class,
      description =
          "Start image: noise, content, style, gray, blend[:NOISE_RATIO] or an image FILE.")
  InitSpec init;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "Refuse input images with more pixels than this (decompression-bomb guard).")
  long maxPixels;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      converter = Converters.PresetName.class,
      description = {
        "A seed recipe: hvass (VGG-16, content relu3_1, style on all 13 conv layers, weights"
            + " 1.5/10/0.3 adaptive, GD step 10, grey start, style at 300 px, 120 iterations) or"
            + " gatys (VGG-19, avg pooling, content relu4_2, style relu1_1..relu5_1 at 1/5 each,"
            + " paper loss form, alpha/beta 1e-3, no TV, L-BFGS, noise start)."
      })
  Preset preset;

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description =
          "VGG weights (.safetensors, .pth or Keras .h5). Default: $NEURAL_STYLE_WEIGHTS, then"
              + " the weights cache.")
  Path weights;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Weights cache to search. Default: $NEURAL_STYLE_CACHE, else"
              + " ~/.cache/neural-style/models.")
  Path cacheDir;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      converter = Converters.Model.class,
      description = "vgg19 or vgg16 (without --model or --preset, the one in --weights is used).")
  VggModel model;

  @Option(
      names = "--pooling",
      paramLabel = "POOL",
      converter = Converters.Pooling.class,
      description = "avg or max.")
  PoolingMode pooling;

  @Option(
      names = "--precision",
      paramLabel = "P",
      converter = Converters.PrecisionConverter.class,
      description =
          "Number format of the VGG passes: fp32; bf16 (CPUs with AVX512-BF16/AMX, or"
              + " GPUs; losses stay fp32, final loss within 2%% of fp32); fp16 (GPUs only).")
  Precision precision;

  @Option(
      names = "--preprocessing",
      paramLabel = "CONV",
      converter = Converters.Convention.class,
      description =
          "Input convention of the weights, caffe or torchvision, overriding what the"
              + " weights file declares. Default: the file's.")
  Preprocessing preprocessing;

  @Option(names = "--size", paramLabel = "PX", description = "Output's longest side (aspect kept).")
  int size;

  @Option(
      names = "--style-scale",
      paramLabel = "F",
      description = "Style images' longest side as a multiple of --size.")
  double styleScale;

  @Option(
      names = "--style-size",
      paramLabel = "PX",
      description = "Style images' longest side in pixels instead of --style-scale (0: off).")
  int styleSize;

  @Option(
      names = "--content-layers",
      split = ",",
      paramLabel = "L",
      description = "Layers for the content loss (conv1_1, relu4_2, pool3, ...).")
  List<String> contentLayers;

  @Option(
      names = "--style-layers",
      split = ",",
      paramLabel = "L",
      description = "Layers for the style loss.")
  List<String> styleLayers;

  @Option(
      names = "--style-layer-weights",
      split = ",",
      paramLabel = "W",
      description = "Weight per style layer. Default: 1 / number of style layers.")
  List<Double> styleLayerWeights;

  @Option(names = "--content-weight", paramLabel = "A", description = "Content weight alpha.")
  double contentWeight;

  @Option(names = "--style-weight", paramLabel = "B", description = "Style weight beta.")
  double styleWeight;

  @Option(names = "--tv-weight", paramLabel = "G", description = "Total-variation weight.")
  double tvWeight;

  @Option(
      names = "--loss-form",
      paramLabel = "FORM",
      converter = Converters.Loss.class,
      description =
          "normalized (relative errors, mean total variation), joint (as normalized, the style"
              + " layers divided by one constant, so they weigh by their magnitudes), paper (the"
              + " paper's sums) or mean (means with summed total variation, jcjohnson).")
  LossForm lossForm;

  @Option(
      names = "--tv-form",
      paramLabel = "FORM",
      converter = Converters.Tv.class,
      description = "Total variation norm: l1 or l2.")
  TvForm tvForm;

  @Option(
      names = "--adaptive-weights",
      negatable = true,
      description =
          "Rescale each loss by 1/its value every step (Hvass). Default: ${DEFAULT-VALUE}.")
  boolean adaptiveWeights;

  @Option(
      names = "--seamless",
      negatable = true,
      description =
          "Make the output tile in both directions (circular padding in every convolution and"
              + " pooling, wrap-around total variation; needs --precision fp32). Default:"
              + " ${DEFAULT-VALUE}.")
  boolean seamless;

  @Option(
      names = "--tile",
      paramLabel = "PX",
      description =
          "Optimise stages whose longer side exceeds PX in overlapping tiles of about PX (style"
              + " statistics of the whole image, exact up to rounding; memory bounded by the"
              + " tile). 0: only when a stage's memory estimate exceeds the available memory.")
  int tile;

  @Option(
      names = "--optimizer",
      paramLabel = "OPT",
      converter = Converters.Optimizer.class,
      description = "lbfgs, adam or gd (Hvass's std-normalised gradient descent).")
  OptimizerKind optimizer;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Budget of loss-and-gradient evaluations.")
  int iterations;

  @Option(
      names = "--learning-rate",
      paramLabel = "R",
      description = "Adam/GD step, in 8-bit pixel levels.")
  double learningRate;

  @Option(names = "--lbfgs-history", paramLabel = "N", description = "L-BFGS memory.")
  int lbfgsHistory;

  @Option(
      names = "--tolerance",
      paramLabel = "F",
      description =
          "End a stage when the loss fell by less than this fraction over 10 iterations"
              + " (0: never).")
  double tolerance;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the noise start.")
  long seed;

  @Option(
      names = "--device",
      paramLabel = "DEV",
      description =
          "auto (the first CUDA GPU if the engine sees one, else the CPU), cpu, gpu or"
              + " gpu:N. A GPU needs a build with -Pcuda (see the README).")
  String device;

  @Option(
      names = "--preserve-colors",
      paramLabel = "MODE",
      converter = Converters.Colors.class,
      description =
          "Keep the content's colours (Gatys et al. 2016): none, histogram (recolour the"
              + " style first), luminance (transfer luminance only) or chroma (swap the content's"
              + " chroma in afterwards).")
  ColorPreservation preserveColors;

  @Option(
      names = "--scales",
      split = ",",
      paramLabel = "PX",
      description =
          "Coarse-to-fine: first run at these sizes, increasing and below --size, each"
              + " starting from the previous result (Gatys et al. 2017). Default: automatic above 384 px, halving down to 384 or less (512: 256,512); --scales SIZE runs one stage.")
  List<Integer> scales;

  /**
   * Applies the preset, then every option given on the command line, to {@code b}; options not
   * given leave the builder's values.
   */
  void applyTo(StyleTransferRequestBuilder b) {
    if (preset != null) {
      preset.applyTo(b);
    }
    ifGiven("--init", init, b::init);
    ifGiven("--max-pixels", maxPixels, b::maxPixels);
    ifGiven("--model", model, b::model);
    ifGiven("--pooling", pooling, b::pooling);
    ifGiven("--precision", precision, b::precision);
    ifGiven("--preprocessing", preprocessing, b::preprocessing);
    ifGiven("--size", size, b::size);
    ifGiven("--style-scale", styleScale, b::styleScale);
    ifGiven("--style-size", styleSize, b::styleSize);
    ifGiven("--content-layers", contentLayers, b::contentLayers);
    ifGiven("--style-layers", styleLayers, b::styleLayers);
    if (given("--style-layers") && !given("--style-layer-weights")) {
      b.styleLayerWeights(List.of()); // a preset's per-layer weights belong to its own layers
    }
    ifGiven("--style-layer-weights", styleLayerWeights, b::styleLayerWeights);
    ifGiven("--content-weight", contentWeight, b::contentWeight);
    ifGiven("--style-weight", styleWeight, b::styleWeight);
    ifGiven("--tv-weight", tvWeight, b::tvWeight);
    ifGiven("--loss-form", lossForm, b::lossForm);
    ifGiven("--tv-form", tvForm, b::tvForm);
    ifGiven("--adaptive-weights", adaptiveWeights, b::adaptiveWeights);
    ifGiven("--seamless", seamless, b::seamless);
    ifGiven("--tile", tile, b::tile);
    ifGiven("--optimizer", optimizer, b::optimizer);
    ifGiven("--iterations", iterations, b::iterations);
    ifGiven("--learning-rate", learningRate, b::learningRate);
    ifGiven("--lbfgs-history", lbfgsHistory, b::lbfgsHistory);
    ifGiven("--tolerance", tolerance, b::tolerance);
    ifGiven("--seed", seed, b::seed);
    ifGiven("--device", device, text -> b.device(DeviceSpec.parse(text)));
    ifGiven("--preserve-colors", preserveColors, b::colorPreservation);
    ifGiven("--scales", scales, b::scales);
  }

  /**
   * Whether the model was chosen (by {@code --model} or a preset) rather than left to the weights.
   */
  boolean modelChosen() {
    return given("--model") || preset != null;
  }

  /** Whether {@code --preset} was given. */
  boolean presetChosen() {
    return preset != null;
  }

  /** {@code --weights}, or null. */
  Path weights() {
    return weights;
  }

  /** {@code --cache-dir}, or null. */
  Path cacheDir() {
    return cacheDir;
  }

  private boolean given(String option) {
    return mixee.commandLine().getParseResult().hasMatchedOption(option);
  }

  private <T> void ifGiven(String option, T value, Consumer<T> setter) {
    if (given(option)) {
      setter.accept(value);
    }
  }
}

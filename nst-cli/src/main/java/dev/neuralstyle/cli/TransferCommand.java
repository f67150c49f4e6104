package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
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
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style transfer}: paints a content image in the style of one or more style images.
 * The fields are picocli's; {@link #options()} turns them into a validated {@link TransferOptions}
 * and {@link TransferRun} does the work.
 */
@Command(
    name = "transfer",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = DefaultValues.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paint --content in the style of --style (Gatys et al. 2015).",
      "",
      "Next to --output out.png it writes out.json (run record), out-panel.png (content | result |"
          + " style), out.gif (the optimisation) and out-loss.png (loss curves); --no-extras writes"
          + " only the image.",
      "Weights: --weights FILE, else $NEURAL_STYLE_WEIGHTS, else the cache filled by"
          + " 'neural-style weights download vgg19'.",
      "A --preset changes the defaults shown below; options given explicitly win over it.",
      ""
    })
public final class TransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  // ---- inputs
  @Option(
      names = "--content",
      paramLabel = "FILE",
      description = "Content image (required unless --resume gives a run record).")
  Path content;

  @Option(
      names = "--style",
      split = ",",
      paramLabel = "FILE",
      description = "Style image(s), comma-separated.")
  List<Path> styles;

  @Option(
      names = "--style-blend",
      split = ",",
      paramLabel = "W",
      description = "Blend weight per style image, normalised to sum 1. Default: equal.")
  List<Double> styleBlend;

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

  // ---- recipe
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
      description = "paper (the paper's sums) or mean (size-independent means, jcjohnson).")
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

  @Option(
      names = "--content-mask",
      paramLabel = "FILE",
      description =
          "Spatial control (Gatys et al. 2017): an image of the content's size with one"
              + " flat colour per region. Default: none.")
  Path contentMask;

  @Option(
      names = "--style-mask",
      split = ",",
      paramLabel = "FILE",
      description =
          "One region image per style image: each output region takes its style from the"
              + " parts of the style images painted in the same colour. Default: whole style images.")
  List<Path> styleMasks;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description =
          "Continue a stopped run: from its run record (out.json; every setting, the"
              + " loss curve and the image are restored, options given here override them) or from a"
              + " snapshot such as out-0100.png (give the other options again). Default: none.")
  Path resume;

  // ---- outputs
  @Option(names = "--output", paramLabel = "FILE", description = "Result image, .png or .jpg.")
  Path output;

  @Option(
      names = "--save-every",
      paramLabel = "N",
      description = "Also write out-0100.png etc. every N iterations (0: never).")
  int saveEvery;

  @Option(names = "--no-extras", description = "Write only the image (and --save-every snapshots).")
  boolean noExtras;

  @Option(
      names = "--panel",
      paramLabel = "FILE",
      description = "Panel file. Default: out-panel.png.")
  Path panel;

  @Option(names = "--no-panel", description = "Do not write the content | result | style panel.")
  boolean noPanel;

  @Option(names = "--gif", paramLabel = "FILE", description = "Animation file. Default: out.gif.")
  Path gif;

  @Option(names = "--no-gif", description = "Do not write the animated GIF.")
  boolean noGif;

  @Option(
      names = "--gif-frames",
      paramLabel = "N",
      description = "About this many GIF frames, plus the final image.")
  int gifFrames;

  @Option(
      names = "--loss-plot",
      paramLabel = "FILE",
      description = "Loss plot file. Default: out-loss.png.")
  Path lossPlot;

  @Option(names = "--no-loss-plot", description = "Do not write the loss plot.")
  boolean noLossPlot;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Run record file. Default: out.json.")
  Path record;

  @Option(names = "--no-record", description = "Do not write the run record.")
  boolean noRecord;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    TransferOptions options;
    try {
      options = options();
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Streams streams = Streams.of(spec.commandLine());
    return new TransferRun(options, parent.env(), streams).run();
  }

  /**
   * The validated options: the library defaults, then the preset, then every option given on the
   * command line.
   *
   * @throws NstException naming the option, the rule and the value when one is invalid
   */
  TransferOptions options() {
    ResumeSource from = resume == null ? null : ResumeSource.of(resume);
    StyleTransferRequestBuilder b =
        from != null && from.recorded() != null
            ? from.recorded().request().toBuilder()
            : StyleTransferRequest.builder();
    if (preset != null) {
      preset.applyTo(b);
    }
    ifGiven("--content", content, b::content);
    ifGiven("--style", styles, b::styles);
    if (b.content() == null) {
      throw new NstException(
          "missing option --content (required unless --resume gives a run record)");
    }
    if (b.styles().isEmpty()) {
      throw new NstException(
          "missing option --style (required unless --resume gives a run record)");
    }
    ifGiven("--style-blend", styleBlend, b::styleBlend);
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
    ifGiven("--content-mask", contentMask, b::contentMask);
    ifGiven("--style-mask", styleMasks, b::styleMasks);
    Path image = output;
    if (from != null) {
      b.init(from.init());
      if (!given("--output") && from.recorded() != null) {
        image = from.image(); // continue the same run in place
      }
    }
    OutputPlan outputs =
        OutputPlan.of(
            image,
            noExtras,
            new OutputPlan.Extra("--panel", panel, noPanel),
            new OutputPlan.Extra("--gif", gif, noGif),
            new OutputPlan.Extra("--loss-plot", lossPlot, noLossPlot),
            new OutputPlan.Extra("--record", record, noRecord));
    boolean modelChosen = given("--model") || (preset != null);
    return TransferOptions.create(
        b,
        modelChosen,
        weights,
        cacheDir,
        outputs,
        saveEvery,
        gifFrames,
        quiet,
        parent.verbose || given("--verbose"),
        from == null ? ResumePoint.START : from.point());
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private <T> void ifGiven(String option, T value, Consumer<T> setter) {
    if (given(option)) {
      setter.accept(value);
    }
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that set up a transfer itself (start image, recipe, network, sizes, losses,
 * optimiser, device, colours), shared by {@code transfer}, {@code batch} and {@code video} as a
 * picocli mixin so that each is declared once. Each option but {@code --preset}, {@code --weights}
 * and {@code --cache-dir} is a setting of the library's {@link Settings} schema, whose description
 * {@code --help} shows ({@link SettingDescriptions}) and which sets it ({@link #applyTo}). The
 * command using it supplies the defaults ({@link DefaultValues}) and its inputs and outputs.
 */
@Command(resourceBundle = "dev.neuralstyle.cli.SettingDescriptions")
public final class TransferSettings {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Spec CommandSpec self;

  @Option(names = "--init", paramLabel = "INIT", converter = Converters.Init.class)
  InitSpec init;

  @Option(names = "--max-pixels", paramLabel = "N")
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

  @Mixin WeightsOptions weights = new WeightsOptions();

  @Option(names = "--model", paramLabel = "MODEL", converter = Converters.Model.class)
  VggModel model;

  @Option(names = "--pooling", paramLabel = "POOL", converter = Converters.Pooling.class)
  PoolingMode pooling;

  @Option(names = "--precision", paramLabel = "P", converter = Converters.PrecisionConverter.class)
  Precision precision;

  @Option(names = "--preprocessing", paramLabel = "CONV", converter = Converters.Convention.class)
  Preprocessing preprocessing;

  @Option(names = "--size", paramLabel = "PX")
  int size;

  @Option(names = "--style-scale", paramLabel = "F")
  double styleScale;

  @Option(names = "--style-size", paramLabel = "PX")
  int styleSize;

  @Option(names = "--content-layers", split = ",", paramLabel = "L")
  List<String> contentLayers;

  @Option(names = "--style-layers", split = ",", paramLabel = "L")
  List<String> styleLayers;

  @Option(names = "--style-layer-weights", split = ",", paramLabel = "W")
  List<Double> styleLayerWeights;

  @Option(names = "--content-weight", paramLabel = "A")
  double contentWeight;

  @Option(names = "--style-weight", paramLabel = "B")
  double styleWeight;

  @Option(names = "--tv-weight", paramLabel = "G")
  double tvWeight;

  @Option(names = "--loss-form", paramLabel = "FORM", converter = Converters.Loss.class)
  LossForm lossForm;

  @Option(names = "--tv-form", paramLabel = "FORM", converter = Converters.Tv.class)
  TvForm tvForm;

  @Option(names = "--adaptive-weights", negatable = true)
  boolean adaptiveWeights;

  @Option(names = "--seamless", negatable = true)
  boolean seamless;

  @Option(names = "--tile", paramLabel = "PX")
  int tile;

  @Option(names = "--optimizer", paramLabel = "OPT", converter = Converters.Optimizer.class)
  OptimizerKind optimizer;

  @Option(names = "--iterations", paramLabel = "N")
  int iterations;

  @Option(names = "--learning-rate", paramLabel = "R")
  double learningRate;

  @Option(names = "--lbfgs-history", paramLabel = "N")
  int lbfgsHistory;

  @Option(names = "--tolerance", paramLabel = "F")
  double tolerance;

  @Option(names = "--tolerance-window", paramLabel = "N")
  int toleranceWindow;

  @Option(names = "--seed", paramLabel = "N")
  long seed;

  @Mixin DeviceOption device = new DeviceOption();

  @Option(names = "--preserve-colors", paramLabel = "MODE", converter = Converters.Colors.class)
  ColorPreservation preserveColors;

  @Option(names = "--scales", split = ",", paramLabel = "PX")
  List<Integer> scales;

  /**
   * Applies the preset, then every option given on the command line, to {@code b}; options not
   * given leave the builder's values. Each option is a setting of the library's {@link Settings}
   * schema (its key is the option's name), which sets it.
   */
  void applyTo(StyleTransferRequestBuilder b) {
    if (preset != null) {
      preset.applyTo(b);
    }
    if (given("--style-layers") && !given("--style-layer-weights")) {
      b.styleLayerWeights(List.of()); // a preset's per-layer weights belong to its own layers
    }
    for (OptionSpec option : self.options()) {
      Optional<Setting<?>> setting = Settings.byKey(option.longestName().substring(2));
      if (setting.isPresent() && given(option.longestName())) {
        setting.get().setValue(b, option.getValue());
      }
    }
  }

  /**
   * Whether the model was chosen (by {@code --model} or a preset) rather than left to the weights.
   */
  boolean modelChosen() {
    return given("--model") || preset != null;
  }

  /**
   * Whether the content layers were chosen (by {@code --content-layers} or a preset) rather than
   * left to the defaults, which fall back to what the weights hold.
   */
  boolean contentLayersChosen() {
    return presetChosen() || given("--content-layers");
  }

  /** The same for the style layers. */
  boolean styleLayersChosen() {
    return presetChosen() || given("--style-layers");
  }

  /** Whether {@code --preset} was given. */
  boolean presetChosen() {
    return preset != null;
  }

  /** {@code --weights}, or null. */
  Path weights() {
    return weights.weights();
  }

  /** {@code --cache-dir}, or null. */
  Path cacheDir() {
    return weights.cacheDir();
  }

  private boolean given(String option) {
    return mixee.commandLine().getParseResult().hasMatchedOption(option);
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.reproduce.FigureSettings;
import dev.neuralstyle.transfer.DeviceSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every {@code reproduce} subcommand and {@code texture} share (a picocli mixin): the
 * weights, the {@link FigureSettings}, weight normalisation, the output file and verbosity. Their
 * defaults come from {@link FigureDefaults}; {@link #job()} validates them into a {@link
 * FigureJob}.
 */
final class FigureOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin WeightsOptions weights = new WeightsOptions();

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      converter = Converters.Model.class,
      description = "vgg19 or vgg16 (without --model, the one in --weights is used).")
  VggModel model;

  @Option(
      names = "--pooling",
      paramLabel = "POOL",
      converter = Converters.Pooling.class,
      description = "avg (the paper) or max.")
  PoolingMode pooling;

  @Option(names = "--size", paramLabel = "PX", description = "Longest side of each tile.")
  int size;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "L-BFGS loss-and-gradient evaluations per tile.")
  int iterations;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of each tile's white-noise start.")
  long seed;

  @Mixin DeviceOption device = new DeviceOption();

  @Option(
      names = "--normalize-weights",
      description =
          "Rescale VGG so that every filter's mean response over this run's images is 1"
              + " (the paper's normalised network; same function up to per-channel factors).")
  boolean normalizeWeights;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "The image to write, .png or .jpg.")
  Path output;

  @Mixin QuietOption quiet = new QuietOption();

  /**
   * The validated options.
   *
   * @throws NstException naming the option when a value is invalid
   */
  FigureJob job() {
    boolean verbose = root().verbose || matched("--verbose");
    FigureSettings settings =
        new FigureSettings(model, pooling, size, iterations, seed, DeviceSpec.parse(device.text()));
    String name = output.getFileName() == null ? "" : output.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
      throw new NstException(
          "invalid value for --output: must end in .png or .jpg, found " + output);
    }
    if (quiet.on() && verbose) {
      throw new NstException("invalid options: --quiet and --verbose contradict each other");
    }
    return new FigureJob(
        settings,
        matched("--model"),
        weights.weights(),
        weights.cacheDir(),
        normalizeWeights,
        output,
        quiet.on(),
        verbose);
  }

  /** The environment the command reads. */
  Map<String, String> env() {
    return root().env();
  }

  /** Where the command writes. */
  Streams streams() {
    return Streams.of(spec.commandLine());
  }

  private NeuralStyleCommand root() {
    return (NeuralStyleCommand) spec.root().userObject();
  }

  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.reproduce.StyleReconstruction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style reproduce style-layers}: paper Fig. 1 bottom (style reconstructions on
 * growing layer sets) or, with {@code --ratios}, Fig. 3 (layer sets × α/β transfers onto {@code
 * --content}).
 */
@Command(
    name = "style-layers",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = FigureDefaults.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paper Fig. 1 bottom: reconstruct the style of --style from white noise on the layer sets"
          + " {conv1_1}, {conv1_1, conv2_1}, ... (texture synthesis, no content).",
      "With --ratios and --content, paper Fig. 3: rows are those layer sets, columns the ratios"
          + " alpha/beta, each cell a transfer from white noise (content conv4_2, or the deepest"
          + " layer the weights reach).",
      "Writes the grid to --output and each tile alone, with its run record, in a folder named"
          + " after it.",
      ""
    })
public final class StyleLayersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--style", required = true, paramLabel = "FILE", description = "The painting.")
  Path style;

  @Option(
      names = "--content",
      paramLabel = "FILE",
      description = "The photo of the --ratios grid (required with --ratios, else unused).")
  Path content;

  @Option(
      names = "--ratios",
      split = ",",
      paramLabel = "R",
      description =
          "Content/style ratios alpha/beta, one column each (the paper's Fig. 3:"
              + " 1e-5,1e-4,1e-3,1e-2). Default: none, style reconstructions only.")
  List<Double> ratios;

  @Mixin FigureOptions options;

  @Override
  public Integer call() {
    FigureJob job;
    try {
      job = options.job();
      checkRatios();
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    FigureRun run = new FigureRun(job, options.env(), options.streams());
    if (ratios == null) {
      return run.run(
          List.of(),
          List.of(style),
          (weights, convention, settings, progress, cancelled) ->
              new StyleReconstruction(weights, convention, settings)
                  .layers(style, progress, cancelled));
    }
    return run.run(
        List.of(content),
        List.of(style),
        (weights, convention, settings, progress, cancelled) ->
            new StyleReconstruction(weights, convention, settings)
                .ratios(content, style, ratios, progress, cancelled));
  }

  private void checkRatios() {
    if (ratios == null) {
      if (content != null) {
        throw new NstException("invalid options: --content is only used with --ratios");
      }
      return;
    }
    for (Double r : ratios) {
      if (r == null || !(r > 0) || r.isInfinite()) {
        throw new NstException("invalid value for --ratios: must be numbers > 0, found " + r);
      }
    }
    if (content == null) {
      throw new NstException("missing option --content (required with --ratios)");
    }
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.reproduce.StylesFigure;
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
 * {@code neural-style reproduce styles}: paper Fig. 2, one photo rendered in the style of several
 * paintings with the paper's ratio α/β for each.
 */
@Command(
    name = "styles",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = FigureDefaults.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paper Fig. 2: --content in the style of each painting of --style, from white noise, content"
          + " conv4_2 (or the deepest layer the weights reach), style conv1_1 … conv5_1, alpha/beta"
          + " 1e-3 (shipwreck, starry_night, the_scream) or 1e-4 (seated-nude, composition_vii),"
          + " else 1e-3.",
      "Writes the grid (paintings on top, the photo and the results below) to --output and each"
          + " result alone, with its run record, in a folder named after it.",
      ""
    })
public final class StylesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--content", required = true, paramLabel = "FILE", description = "The photo.")
  Path content;

  @Option(
      names = "--style",
      required = true,
      paramLabel = "FILE|DIR",
      description =
          "A painting, or a folder: the paper's paintings in it by file name, if any,"
              + " else every image in it sorted by name.")
  Path style;

  @Mixin FigureOptions options;

  @Override
  public Integer call() {
    FigureJob job;
    List<Path> styles;
    try {
      job = options.job();
      styles = StylesFigure.pickStyles(style);
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    return new FigureRun(job, options.env(), options.streams())
        .run(
            List.of(content),
            styles,
            (weights, convention, settings, progress, cancelled) ->
                new StylesFigure(weights, convention, settings)
                    .run(content, styles, progress, cancelled));
  }
}

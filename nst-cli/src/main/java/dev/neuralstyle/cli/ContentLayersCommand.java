package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.reproduce.ContentReconstruction;
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
 * {@code neural-style reproduce content-layers}: paper Fig. 1 top, the content photo reconstructed
 * from white noise at conv1_1 … conv5_1 (as far as the weights reach), one tile each.
 */
@Command(
    name = "content-layers",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = FigureDefaults.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paper Fig. 1 top: reconstruct --content from white noise by matching its responses at one"
          + " layer, for conv1_1 … conv5_1 (those the weights reach), content loss only.",
      "Writes the grid to --output and each tile alone, with its run record, in a folder named"
          + " after it (out.png: out/content-conv1_1.png, out/content-conv1_1.json, ...).",
      ""
    })
public final class ContentLayersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--content", required = true, paramLabel = "FILE", description = "The photo.")
  Path content;

  @Mixin FigureOptions options;

  @Override
  public Integer call() {
    FigureJob job;
    try {
      job = options.job();
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    return new FigureRun(job, options.env(), options.streams())
        .run(
            List.of(content),
            List.of(),
            (weights, convention, settings, progress, cancelled) ->
                new ContentReconstruction(weights, convention, settings)
                    .run(content, progress, cancelled));
  }
}

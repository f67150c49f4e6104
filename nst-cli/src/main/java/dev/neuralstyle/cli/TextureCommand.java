package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.output.OutputFiles;
import dev.neuralstyle.output.RunOutputs;
import dev.neuralstyle.reproduce.TextureSynthesis;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style texture}: texture synthesis after Gatys, Ecker and Bethge (arXiv 1505.07376),
 * white noise matched to the Gram matrices of {@code --style} at conv1_1 and pool1 … pool4.
 */
@Command(
    name = "texture",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = FigureDefaults.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Synthesise a texture of any size from --style (Gatys et al., arXiv 1505.07376): white noise"
          + " matched to its Gram matrices at conv1_1, pool1, pool2, pool3 and pool4 (as far as the"
          + " weights reach). --size is the texture image's longest side, which sets the scale of"
          + " the structures. The texture is seamless (tileable) unless --no-seamless.",
      "Writes --output and its run record next to it (out.png: out.json).",
      ""
    })
public final class TextureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--style", required = true, paramLabel = "FILE", description = "The texture.")
  Path style;

  @Option(
      names = "--width",
      paramLabel = "PX",
      description = "Output width. Default: the texture's width at --size.")
  int width;

  @Option(
      names = "--height",
      paramLabel = "PX",
      description = "Output height. Default: the texture's height at --size.")
  int height;

  @Option(
      names = "--seamless",
      negatable = true,
      description =
          "Make the texture tile in both directions (circular padding in every convolution and"
              + " pooling), what textures are for; --no-seamless gives the paper's bordered"
              + " synthesis. Default: "
              + Defaults.TEXTURE_SEAMLESS
              + ".")
  Boolean seamless; // null when not given: picocli toggles a negatable option that defaults to true

  @Mixin FigureOptions options;

  @Override
  public Integer call() {
    FigureJob job;
    try {
      job = options.job();
      checkSide("--width", width);
      checkSide("--height", height);
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    Streams streams = options.streams();
    FigureRun run = new FigureRun(job, options.env(), streams);
    FigureRun.Loaded loaded = run.load(List.of(), List.of(style));
    BufferedImage texture =
        ImageResize.toMaxSide(
            ImageFiles.read(style, "style image", Defaults.MAX_PIXELS), loaded.settings().size());
    int w = width > 0 ? width : texture.getWidth();
    int h = height > 0 ? height : texture.getHeight();
    TextureSynthesis synthesis =
        new TextureSynthesis(loaded.params(), loaded.file().preprocessing(), loaded.settings());
    if (!synthesis.omittedLayers().isEmpty()) {
      run.say(
          "layers %s; omitted (past the weights): %s",
          synthesis.layers(), synthesis.omittedLayers());
    }
    Path record = job.tileDirectory().resolveSibling(job.tileDirectory().getFileName() + ".json");
    FigureRun.createDirectories(job.output().toAbsolutePath().getParent());
    ProgressPrinter progress =
        new ProgressPrinter(streams.err(), streams.interactive(), job.quiet());
    try (CtrlC ctrlC = new CtrlC()) {
      StyleTransferRequest request =
          synthesis.request(style, w, h, seamless == null ? Defaults.TEXTURE_SEAMLESS : seamless);
      StyleTransferResult result = synthesis.run(request, progress, ctrlC);
      RunOutputs.write(
          new OutputFiles(job.output(), null, null, null, record),
          request,
          loaded.file(),
          result,
          List.of(),
          RunOutputs.versions(VersionProvider.toolVersion()));
      if (!job.quiet()) {
        streams
            .out()
            .printf(Locale.ROOT, "wrote %s (%dx%d); also %s%n", job.output(), w, h, record);
        streams.out().flush();
      }
    }
    return 0;
  }

  private static void checkSide(String option, int px) {
    if (px != 0 && (px < 16 || px > 16384)) {
      throw new NstException(
          "invalid value for " + option + ": must be between 16 and 16384, found " + px);
    }
  }
}

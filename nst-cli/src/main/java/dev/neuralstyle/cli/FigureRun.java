package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.output.OutputFiles;
import dev.neuralstyle.output.RunOutputs;
import dev.neuralstyle.reproduce.FigureProgress;
import dev.neuralstyle.reproduce.FigureResult;
import dev.neuralstyle.reproduce.FigureSettings;
import dev.neuralstyle.reproduce.TileRun;
import dev.neuralstyle.reproduce.VggNormalization;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One {@code reproduce} figure from validated options to files: checks the input images, loads the
 * weights (normalised on those images if asked), makes the figure with per-tile progress under a
 * Ctrl-C guard, then writes the grid and every tile alone with its run record.
 */
final class FigureRun {
  /** Makes a figure with the loaded weights; the reproduce subcommands supply one each. */
  @FunctionalInterface
  interface Maker {
    FigureResult make(
        ConvParameters weights,
        Preprocessing convention,
        FigureSettings settings,
        FigureProgress progress,
        BooleanSupplier cancelled);
  }

  /**
   * The weights of a run.
   *
   * @param file the weights as loaded, for the run records
   * @param params what the runs use: {@code file}, or its normalised rescaling
   * @param settings the job's settings with the model the weights hold
   */
  record Loaded(VggWeights file, ConvParameters params, FigureSettings settings) {}

  private final FigureJob job;
  private final Map<String, String> env;
  private final Streams streams;

  FigureRun(FigureJob job, Map<String, String> env, Streams streams) {
    this.job = job;
    this.env = env;
    this.streams = streams;
  }

  /**
   * Checks the device, reads the run's images (so a missing or corrupt file fails before any work),
   * loads the weights and, with --normalize-weights, normalises them on those images at the tile
   * size.
   *
   * @param contents the content images the run uses (none or one)
   * @param styles the style images the run uses
   */
  Loaded load(List<Path> contents, List<Path> styles) {
    job.settings().device().requireAvailable();
    List<BufferedImage> pixels = new ArrayList<>();
    for (Path image : contents) {
      pixels.add(ImageFiles.read(image, "content image", Defaults.MAX_PIXELS));
    }
    for (Path image : styles) {
      pixels.add(ImageFiles.read(image, "style image", Defaults.MAX_PIXELS));
    }
    FigureSettings s = job.settings();
    Path file = WeightsResolver.resolve(job.weights(), env, job.cacheDir(), s.model(), null);
    VggWeights weights = WeightsLoader.load(file, job.modelChosen() ? s.model() : null, null);
    s =
        new FigureSettings(
            weights.model(), s.pooling(), s.size(), s.iterations(), s.seed(), s.device());
    say("weights: %s (%s, %s)", file, weights.model().cliName(), weights.format());
    if (job.normalize() && weights.isNormalised()) {
      say("the weights are the paper's normalised network already; not normalising them again");
    }
    if (!job.normalize() || weights.isNormalised()) {
      return new Loaded(weights, weights, s);
    }
    List<BufferedImage> scaled = new ArrayList<>();
    for (BufferedImage p : pixels) {
      scaled.add(ImageResize.toMaxSide(p, s.size()));
    }
    ConvParameters normalized =
        VggNormalization.normalize(
            weights, s.model(), s.pooling(), weights.preprocessing(), scaled, s.device().resolve());
    say("normalised the VGG on %d image(s) at %d px", scaled.size(), s.size());
    return new Loaded(weights, normalized, s);
  }

  /**
   * Loads as {@link #load}, makes the figure and writes it; returns the exit code.
   *
   * @param contents the content images the figure uses (none or one)
   * @param styles the style images the figure uses
   */
  int run(List<Path> contents, List<Path> styles, Maker maker) {
    Loaded loaded = load(contents, styles);
    createDirectories(job.output().toAbsolutePath().getParent());
    createDirectories(job.tileDirectory());
    TileProgress progress = new TileProgress(streams.err(), streams.interactive(), job.quiet());
    try (CtrlC ctrlC = new CtrlC()) {
      FigureResult figure =
          maker.make(
              loaded.params(), loaded.file().preprocessing(), loaded.settings(), progress, ctrlC);
      ImageFiles.write(figure.render(loaded.settings().size()), job.output());
      Map<String, String> versions = RunOutputs.versions(VersionProvider.toolVersion());
      for (TileRun tile : figure.runs()) {
        Path dir = job.tileDirectory();
        OutputFiles files =
            new OutputFiles(
                dir.resolve(tile.name() + ".png"),
                null,
                null,
                null,
                dir.resolve(tile.name() + ".json"));
        RunOutputs.write(files, tile.request(), loaded.file(), tile.result(), List.of(), versions);
      }
      // Inside the Ctrl-C guard: after a cancel the JVM exits as soon as the guard closes.
      summary(figure);
    }
    return 0;
  }

  private void summary(FigureResult figure) {
    if (!figure.complete()) {
      streams.err().printf(Locale.ROOT, "stopped: %d tile(s) made%n", figure.runs().size());
      streams.err().flush();
    }
    if (job.quiet()) {
      return;
    }
    streams
        .out()
        .printf(
            Locale.ROOT,
            "wrote %s (%d x %d tiles); %d tile(s) with run records in %s%n",
            job.output(),
            figure.rows(),
            figure.columns(),
            figure.runs().size(),
            job.tileDirectory());
    streams.out().flush();
  }

  /** Prints a detail line with --verbose. */
  void say(String format, Object... args) {
    if (job.verbose()) {
      streams.err().printf(Locale.ROOT, format + "%n", args);
      streams.err().flush();
    }
  }

  /** Creates {@code dir} and its parents; a failure is a one-line error. */
  static void createDirectories(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new NstException("cannot create the folder " + dir + ": " + e.getMessage(), e);
    }
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.reproduce.FigureSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated shared options of a {@code reproduce} subcommand or of {@code texture}.
 *
 * @param settings model, pooling, tile size, evaluations per tile and seed
 * @param modelChosen whether --model was given; if not, the weights file decides the model
 * @param weights the {@code --weights} file, or {@code null} to look it up
 * @param cacheDir the {@code --cache-dir}, or {@code null} for the default cache
 * @param normalize whether to normalise the VGG on the run's own images
 * @param output the grid (or texture) image to write
 * @param quiet print nothing but errors
 * @param verbose print more detail and stack traces
 */
record FigureJob(
    FigureSettings settings,
    boolean modelChosen,
    Path weights,
    Path cacheDir,
    boolean normalize,
    Path output,
    boolean quiet,
    boolean verbose) {
  FigureJob {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(output, "output");
  }

  /**
   * The folder for the tiles saved alone: the output's path without its extension, e.g. {@code
   * out/fig1} for {@code out/fig1.png}.
   */
  Path tileDirectory() {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return output.resolveSibling(dot > 0 ? name.substring(0, dot) : name + "-tiles");
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.reproduce.FigureProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a figure's progress: a {@code tile 3/5} line when a tile's run starts, then that run's
 * iteration progress through a {@link ProgressPrinter}; nothing when quiet.
 */
final class TileProgress implements FigureProgress {
  private final PrintWriter err;
  private final ProgressPrinter printer;
  private final boolean quiet;
  private int current = -1;

  /**
   * A printer to {@code err}.
   *
   * @param interactive draw a bar with carriage returns instead of plain lines
   * @param quiet print nothing
   */
  TileProgress(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.printer = new ProgressPrinter(err, interactive, quiet);
    this.quiet = quiet;
  }

  @Override
  public void onEvent(int tileIndex, int tileCount, ProgressEvent event) {
    if (!quiet && tileIndex != current) {
      current = tileIndex;
      err.printf(Locale.ROOT, "tile %d/%d%n", tileIndex + 1, tileCount);
    }
    printer.onEvent(event);
  }
}

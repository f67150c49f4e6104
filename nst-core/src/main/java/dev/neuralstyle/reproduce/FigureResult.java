package dev.neuralstyle.reproduce;

import dev.neuralstyle.output.render.ImageGrid;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A reproduced paper figure: a grid of tiles (originals and run results) with its title, row and
 * column labels and a footnote (for example which of the paper's layers the weights could not
 * provide), plus the run behind each computed tile. Immutable; the tile images are shared, so
 * callers must not draw on them.
 */
public final class FigureResult {
  private final String title;
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final BufferedImage[][] tiles;
  private final String footnote;
  private final List<TileRun> runs;
  private final List<String> omittedLayers;
  private final boolean complete;

  /**
   * Creates the figure.
   *
   * @param title the figure's title
   * @param rowLabels one label per row
   * @param columnLabels one label per column
   * @param tiles rows of tiles, all of {@code columnLabels.size()} entries; null entries are empty
   * @param footnote the line under the grid, or null
   * @param runs the runs behind the computed tiles
   * @param omittedLayers the paper's layers left out because the weights lack them (our names)
   * @param complete false if the figure was cancelled before all runs were made
   */
  public FigureResult(
      String title,
      List<String> rowLabels,
      List<String> columnLabels,
      BufferedImage[][] tiles,
      String footnote,
      List<TileRun> runs,
      List<String> omittedLayers,
      boolean complete) {
    this.title = title;
    this.rowLabels = List.copyOf(rowLabels);
    this.columnLabels = List.copyOf(columnLabels);
    if (tiles.length != this.rowLabels.size()) {
      throw new IllegalArgumentException(
          tiles.length + " rows for " + rowLabels.size() + " labels");
    }
    this.tiles = new BufferedImage[tiles.length][];
    for (int r = 0; r < tiles.length; r++) {
      if (tiles[r].length != this.columnLabels.size()) {
        throw new IllegalArgumentException(
            "row "
                + r
                + " has "
                + tiles[r].length
                + " tiles for "
                + columnLabels.size()
                + " labels");
      }
      this.tiles[r] = tiles[r].clone();
    }
    this.footnote = footnote;
    this.runs = List.copyOf(runs);
    this.omittedLayers = List.copyOf(omittedLayers);
    this.complete = complete;
  }

  /** The figure's title. */
  public String title() {
    return title;
  }

  /** One label per row. */
  public List<String> rowLabels() {
    return rowLabels;
  }

  /** One label per column. */
  public List<String> columnLabels() {
    return columnLabels;
  }

  /** Number of rows. */
  public int rows() {
    return tiles.length;
  }

  /** Number of columns. */
  public int columns() {
    return columnLabels.size();
  }

  /** The tile at {@code row}, {@code column}, or null for an empty cell. */
  public BufferedImage tile(int row, int column) {
    return tiles[row][column];
  }

  /** A copy of the grid of tiles (the images themselves are shared). */
  public BufferedImage[][] tiles() {
    BufferedImage[][] copy = new BufferedImage[tiles.length][];
    for (int r = 0; r < tiles.length; r++) {
      copy[r] = tiles[r].clone();
    }
    return copy;
  }

  /** Number of non-empty cells. */
  public int tileCount() {
    int n = 0;
    for (BufferedImage[] row : tiles) {
      for (BufferedImage tile : row) {
        n += tile == null ? 0 : 1;
      }
    }
    return n;
  }

  /** The line under the grid (e.g. the omitted layers and settings), or null. */
  public String footnote() {
    return footnote;
  }

  /** The runs behind the computed tiles, in the order they were made. */
  public List<TileRun> runs() {
    return runs;
  }

  /** The paper's layers left out because the weights lack them, in our names ({@code relu4_1}). */
  public List<String> omittedLayers() {
    return omittedLayers;
  }

  /** False if the figure was cancelled before all its runs were made (missing tiles are empty). */
  public boolean complete() {
    return complete;
  }

  /** Renders the labelled grid with square cells of {@code tileSize} pixels. */
  public BufferedImage render(int tileSize) {
    return ImageGrid.render(title, rowLabels, columnLabels, tiles, tileSize, footnote);
  }
}

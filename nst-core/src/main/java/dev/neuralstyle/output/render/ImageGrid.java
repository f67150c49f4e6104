package dev.neuralstyle.output.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders a labelled grid of images for paper-figure reproductions: an optional title on top,
 * column labels above the columns, row labels left of the rows, square cells of {@code tileSize}
 * pixels (each tile scaled to fit, aspect kept, centred) and an optional footnote line at the
 * bottom. Empty cells ({@code null} tiles) are filled light blue-grey. Labels may contain {@code
 * '\n'} to span several lines.
 */
public final class ImageGrid {
  /** Fill colour of empty cells. */
  static final Color EMPTY_CELL = new Color(0xECEFF3);

  private ImageGrid() {}

  /**
   * Renders the grid.
   *
   * @param title drawn on top in bold; null or empty for none
   * @param rowLabels one per row of {@code tiles}; null for no row labels
   * @param columnLabels one per column; null for no column labels
   * @param tiles rows of tiles; rows may be ragged, {@code null} entries are empty cells
   * @param tileSize the side of each square cell in pixels
   * @param footnote a line under the grid, e.g. which layers were omitted; null for none
   * @return a new TYPE_INT_RGB image
   * @throws IllegalArgumentException if the label counts do not match the grid or the grid is empty
   */
  public static BufferedImage render(
      String title,
      List<String> rowLabels,
      List<String> columnLabels,
      BufferedImage[][] tiles,
      int tileSize,
      String footnote) {
    int rows = tiles.length;
    int cols = 0;
    for (BufferedImage[] row : tiles) {
      cols = Math.max(cols, row == null ? 0 : row.length);
    }
    if (rows == 0 || cols == 0 || tileSize <= 0) {
      throw new IllegalArgumentException("empty grid or non-positive tile size");
    }
    if (rowLabels != null && rowLabels.size() != rows) {
      throw new IllegalArgumentException(rowLabels.size() + " row labels for " + rows + " rows");
    }
    if (columnLabels != null && columnLabels.size() != cols) {
      throw new IllegalArgumentException(
          columnLabels.size() + " column labels for " + cols + " columns");
    }
    int gap = Math.max(6, tileSize / 24);
    Font labelFont = Canvas.font(Math.max(12, tileSize / 12), false);
    Font titleFont = Canvas.font(Math.max(14, tileSize / 8), true);
    Font noteFont = Canvas.font(Math.max(11, tileSize / 14), false);
    FontMetrics label = Canvas.metrics(labelFont);
    boolean hasTitle = title != null && !title.isEmpty();
    boolean hasNote = footnote != null && !footnote.isEmpty();
    int titleH = hasTitle ? Canvas.metrics(titleFont).getHeight() + gap : 0;
    int headerH = columnLabels == null ? 0 : TextBlock.height(label, columnLabels) + gap / 2;
    int labelW = rowLabels == null ? 0 : TextBlock.width(label, rowLabels) + gap;
    int noteH = hasNote ? Canvas.metrics(noteFont).getHeight() + gap : 0;
    int gridW = cols * tileSize + (cols - 1) * gap;
    int left = gap + labelW;
    int top = gap + titleH + headerH;
    int width =
        Math.max(
            left + gridW + gap,
            2 * gap
                + Math.max(
                    Canvas.textWidth(titleFont, title), Canvas.textWidth(noteFont, footnote)));
    int height = top + rows * tileSize + (rows - 1) * gap + gap + noteH;
    BufferedImage image = Canvas.white(width, height);
    Graphics2D g = Canvas.graphics(image);
    try {
      if (hasTitle) {
        g.setFont(titleFont);
        Canvas.drawCentered(g, title, width / 2, gap);
      }
      g.setFont(labelFont);
      for (int c = 0; c < cols; c++) {
        int x = left + c * (tileSize + gap);
        if (columnLabels != null) {
          TextBlock.drawCentered(g, columnLabels.get(c), x + tileSize / 2, gap + titleH);
        }
      }
      for (int r = 0; r < rows; r++) {
        int y = top + r * (tileSize + gap);
        if (rowLabels != null) {
          TextBlock.drawRightMiddle(g, rowLabels.get(r), left - gap, y + tileSize / 2);
        }
        for (int c = 0; c < cols; c++) {
          int x = left + c * (tileSize + gap);
          BufferedImage tile = tiles[r] != null && c < tiles[r].length ? tiles[r][c] : null;
          if (tile == null) {
            g.setColor(EMPTY_CELL);
            g.fillRect(x, y, tileSize, tileSize);
            g.setColor(Canvas.TEXT);
          } else {
            Canvas.drawFitted(g, tile, x, y, tileSize, tileSize);
          }
        }
      }
      if (hasNote) {
        g.setFont(noteFont);
        g.drawString(footnote, gap, height - gap - g.getFontMetrics().getDescent());
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}

package dev.neuralstyle.output.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/** The legend box of a {@link LossPlot}: a colour swatch and the name of every series. */
final class Legend {
  /** Side of a colour swatch in pixels. */
  static final int SWATCH = 12;

  private Legend() {}

  /** Draws the legend with its top-right corner at ({@code right}, {@code top}). */
  static void draw(Graphics2D g, List<String> names, int right, int top) {
    if (names.isEmpty()) {
      return;
    }
    FontMetrics fm = g.getFontMetrics();
    int textWidth = 0;
    for (String name : names) {
      textWidth = Math.max(textWidth, fm.stringWidth(name));
    }
    int pad = 6;
    int row = Math.max(fm.getHeight(), SWATCH + 4);
    int width = pad + SWATCH + pad + textWidth + pad;
    int height = pad + names.size() * row + pad - 4;
    int left = right - width;
    g.setColor(Color.WHITE);
    g.fillRect(left, top, width, height);
    g.setColor(new Color(0xBBBBBB));
    g.drawRect(left, top, width, height);
    for (int i = 0; i < names.size(); i++) {
      int y = top + pad + i * row;
      g.setColor(LossPlot.seriesColor(i));
      g.fillRect(left + pad, y + (row - 4 - SWATCH) / 2, SWATCH, SWATCH);
      g.setColor(Canvas.TEXT);
      int baseline = y + (row - 4) / 2 + (fm.getAscent() - fm.getDescent()) / 2;
      g.drawString(names.get(i), left + pad + SWATCH + pad, baseline);
    }
  }
}

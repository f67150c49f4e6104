package dev.neuralstyle.output.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders images side by side at a common height with a caption under each, on white: the "content
 * | result | style" figure. Tiles keep their aspect ratio and are separated and surrounded by a
 * margin of {@code max(8, tileHeight / 32)} pixels.
 */
public final class ComparisonPanel {
  private ComparisonPanel() {}

  /**
   * Renders the panel.
   *
   * @param images the tiles from left to right, at least one
   * @param tileHeight height every tile is scaled to, in pixels
   * @return a new TYPE_INT_RGB image
   * @throws IllegalArgumentException if {@code images} is empty or {@code tileHeight} is not
   *     positive
   */
  public static BufferedImage render(List<CaptionedImage> images, int tileHeight) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images for the comparison panel");
    }
    if (tileHeight <= 0) {
      throw new IllegalArgumentException("tileHeight must be positive: " + tileHeight);
    }
    int margin = Math.max(8, tileHeight / 32);
    Font font = Canvas.font(Math.max(12, tileHeight / 16), false);
    FontMetrics fm = Canvas.metrics(font);
    int[] widths = new int[images.size()];
    int total = margin;
    for (int i = 0; i < widths.length; i++) {
      BufferedImage img = images.get(i).image();
      int scaled =
          Math.max(1, (int) Math.round((double) img.getWidth() * tileHeight / img.getHeight()));
      int caption = fm.stringWidth(images.get(i).caption());
      widths[i] = scaled;
      total += Math.max(scaled, caption) + margin;
    }
    int height = margin + tileHeight + margin / 2 + fm.getHeight() + margin;
    BufferedImage panel = Canvas.white(total, height);
    Graphics2D g = Canvas.graphics(panel);
    try {
      g.setFont(font);
      int x = margin;
      for (int i = 0; i < widths.length; i++) {
        CaptionedImage tile = images.get(i);
        int slot = Math.max(widths[i], fm.stringWidth(tile.caption()));
        Canvas.drawFitted(
            g, tile.image(), x + (slot - widths[i]) / 2, margin, widths[i], tileHeight);
        Canvas.drawCentered(g, tile.caption(), x + slot / 2, margin + tileHeight + margin / 2);
        x += slot + margin;
      }
    } finally {
      g.dispose();
    }
    return panel;
  }
}

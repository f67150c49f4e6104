package dev.neuralstyle.output.render;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/** Multi-line labels: text split at {@code '\n'}, measured and drawn line by line. */
final class TextBlock {
  private TextBlock() {}

  private static String[] lines(String text) {
    return text == null ? new String[0] : text.split("\n", -1);
  }

  /** The widest line among all labels. */
  static int width(FontMetrics fm, List<String> labels) {
    int max = 0;
    for (String label : labels) {
      for (String line : lines(label)) {
        max = Math.max(max, fm.stringWidth(line));
      }
    }
    return max;
  }

  /** The height of the label with the most lines. */
  static int height(FontMetrics fm, List<String> labels) {
    int max = 1;
    for (String label : labels) {
      max = Math.max(max, lines(label).length);
    }
    return max * fm.getHeight();
  }

  /** Draws the lines centred on {@code centerX}, the first line's top at {@code top}. */
  static void drawCentered(Graphics2D g, String text, int centerX, int top) {
    FontMetrics fm = g.getFontMetrics();
    String[] lines = lines(text);
    for (int i = 0; i < lines.length; i++) {
      Canvas.drawCentered(g, lines[i], centerX, top + i * fm.getHeight());
    }
  }

  /** Draws the lines right-aligned at {@code right}, vertically centred on {@code middleY}. */
  static void drawRightMiddle(Graphics2D g, String text, int right, int middleY) {
    FontMetrics fm = g.getFontMetrics();
    String[] lines = lines(text);
    int top = middleY - lines.length * fm.getHeight() / 2;
    for (int i = 0; i < lines.length; i++) {
      int baseline = top + i * fm.getHeight() + fm.getAscent();
      g.drawString(lines[i], right - fm.stringWidth(lines[i]), baseline);
    }
  }
}

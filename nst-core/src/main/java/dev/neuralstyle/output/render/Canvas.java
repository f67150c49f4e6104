package dev.neuralstyle.output.render;

import dev.neuralstyle.image.ImageResize;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Shared drawing helpers for the renderers: a white TYPE_INT_RGB canvas with antialiased text in
 * the logical "SansSerif" font, centred text and aspect-preserving tile placement. Works headless.
 */
final class Canvas {
  /** Colour of all text. */
  static final Color TEXT = new Color(0x222222);

  private Canvas() {}

  /** A white image of the given size. */
  static BufferedImage white(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** A graphics context on {@code image} with antialiased text and shapes; caller disposes. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(TEXT);
    return g;
  }

  /** The logical sans-serif font at {@code size} points. */
  static Font font(int size, boolean bold) {
    return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
  }

  /** Metrics of {@code font}, measured on a scratch image (no screen needed). */
  static FontMetrics metrics(Font font) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(scratch);
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  /** Width of {@code text} in {@code font}; 0 for null. */
  static int textWidth(Font font, String text) {
    return text == null ? 0 : metrics(font).stringWidth(text);
  }

  /** Draws {@code text} centred horizontally on {@code centerX} with its top at {@code top}. */
  static void drawCentered(Graphics2D g, String text, int centerX, int top) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, centerX - fm.stringWidth(text) / 2, top + fm.getAscent());
  }

  /**
   * Draws {@code image} scaled to fit inside the box (aspect kept, high-quality resize) and centred
   * in it.
   */
  static void drawFitted(Graphics2D g, BufferedImage image, int x, int y, int boxW, int boxH) {
    double scale = Math.min((double) boxW / image.getWidth(), (double) boxH / image.getHeight());
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage scaled =
        w == image.getWidth() && h == image.getHeight() ? image : ImageResize.toSize(image, w, h);
    g.drawImage(scaled, x + (boxW - w) / 2, y + (boxH - h) / 2, null);
  }
}

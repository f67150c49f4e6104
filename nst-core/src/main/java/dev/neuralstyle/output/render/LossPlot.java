package dev.neuralstyle.output.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders loss curves: iteration on the x axis, loss on a log-scale y axis with a labelled tick at
 * every decade ({@code 1e3}, {@code 1e4}, ...), one colour per series and a legend. Values that are
 * zero, negative, NaN or infinite are skipped (the curve has a gap there).
 */
public final class LossPlot {
  private static final int[] COLORS = {
    0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF
  };
  private static final Color GRID = new Color(0xE4E4E4);
  private static final Color MINOR_GRID = new Color(0xF2F2F2);

  private LossPlot() {}

  /** The line colour of series {@code index} (colours repeat after eight series). */
  public static Color seriesColor(int index) {
    return new Color(COLORS[index % COLORS.length]);
  }

  /**
   * Renders without a title; value {@code i} of each series is iteration {@code i + 1}.
   *
   * @see #render(String, List, List, int[], int, int)
   */
  public static BufferedImage render(
      List<String> seriesNames, List<double[]> values, int width, int height) {
    return render(null, seriesNames, values, null, width, height);
  }

  /**
   * Renders the plot.
   *
   * @param title drawn above the plot; null for none
   * @param seriesNames legend names, one per series (e.g. "total", "content", "style")
   * @param values one array per series, index = position in {@code iterations}
   * @param iterations the iteration number of each index; null for 1, 2, 3, ...
   * @param width image width in pixels
   * @param height image height in pixels
   * @return a new TYPE_INT_RGB image
   * @throws IllegalArgumentException if the counts do not match or the image would be too small
   */
  public static BufferedImage render(
      String title,
      List<String> seriesNames,
      List<double[]> values,
      int[] iterations,
      int width,
      int height) {
    if (seriesNames.size() != values.size()) {
      throw new IllegalArgumentException(
          seriesNames.size() + " series names for " + values.size() + " series");
    }
    int longest = 0;
    for (double[] v : values) {
      longest = Math.max(longest, v.length);
    }
    if (iterations != null && iterations.length < longest) {
      throw new IllegalArgumentException(
          iterations.length + " iteration numbers for " + longest + " values");
    }
    if (width < 160 || height < 120) {
      throw new IllegalArgumentException("plot too small: " + width + "x" + height);
    }
    Font font = Canvas.font(Math.max(11, Math.min(width, height) / 36), false);
    FontMetrics fm = Canvas.metrics(font);
    int[] decades = PlotScale.decades(values);
    int labelWidth = 0;
    for (int d = decades[0]; d <= decades[1]; d++) {
      labelWidth = Math.max(labelWidth, fm.stringWidth(PlotScale.decadeLabel(d)));
    }
    int left = 14 + labelWidth + 6;
    boolean hasTitle = title != null && !title.isEmpty();
    int top = fm.getHeight() * (hasTitle ? 3 : 2);
    int bottom = height - 2 * fm.getHeight() - 10;
    int right = width - 16;
    double xMin = iterations == null ? 1 : Double.POSITIVE_INFINITY;
    double xMax = iterations == null ? Math.max(1, longest) : Double.NEGATIVE_INFINITY;
    for (int i = 0; iterations != null && i < longest; i++) {
      xMin = Math.min(xMin, iterations[i]);
      xMax = Math.max(xMax, iterations[i]);
    }
    if (!(xMax > xMin)) {
      xMin = longest == 0 ? 0 : xMin - 0.5;
      xMax = xMin + 1;
    }
    PlotFrame frame = new PlotFrame(left, top, right, bottom, xMin, xMax, decades[0], decades[1]);
    BufferedImage image = Canvas.white(width, height);
    Graphics2D g = Canvas.graphics(image);
    try {
      g.setFont(font);
      if (hasTitle) {
        Canvas.drawCentered(g, title, width / 2, fm.getHeight() / 2);
      }
      drawAxes(g, frame, fm);
      for (int s = 0; s < values.size(); s++) {
        drawSeries(g, frame, values.get(s), iterations, seriesColor(s));
      }
      Legend.draw(g, seriesNames, right - 8, top + 8);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawAxes(Graphics2D g, PlotFrame f, FontMetrics fm) {
    int decadeStep =
        Math.max(
            1, (f.highDecade - f.lowDecade) * fm.getHeight() * 2 / Math.max(1, f.bottom - f.top));
    for (int d = f.lowDecade; d <= f.highDecade; d++) {
      for (int m = 2; d < f.highDecade && m <= 9 && f.highDecade - f.lowDecade <= 6; m++) {
        g.setColor(MINOR_GRID);
        double y = f.y(m * Math.pow(10, d));
        g.draw(new Line2D.Double(f.left, y, f.right, y));
      }
      int y = (int) Math.round(f.y(Math.pow(10, d)));
      g.setColor(GRID);
      g.drawLine(f.left, y, f.right, y);
      if ((d - f.lowDecade) % decadeStep == 0) {
        g.setColor(Canvas.TEXT);
        g.drawLine(f.left - 5, y, f.left, y);
        String label = PlotScale.decadeLabel(d);
        g.drawString(label, f.left - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
      }
    }
    double step = PlotScale.niceStep(f.xMax - f.xMin, Math.max(2, (f.right - f.left) / 70));
    for (double t : PlotScale.ticks(f.xMin, f.xMax, step)) {
      int x = (int) Math.round(f.x(t));
      g.setColor(GRID);
      g.drawLine(x, f.top, x, f.bottom);
      g.setColor(Canvas.TEXT);
      g.drawLine(x, f.bottom, x, f.bottom + 5);
      Canvas.drawCentered(g, PlotScale.tickLabel(t), x, f.bottom + 7);
    }
    g.setColor(Canvas.TEXT);
    g.drawRect(f.left, f.top, f.right - f.left, f.bottom - f.top);
    Canvas.drawCentered(g, "iteration", (f.left + f.right) / 2, f.bottom + 9 + fm.getHeight());
    g.drawString("loss (log scale)", f.left, f.top - fm.getDescent() - 4);
  }

  private static void drawSeries(
      Graphics2D g, PlotFrame f, double[] values, int[] iterations, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double path = new Path2D.Double();
    int run = 0;
    for (int i = 0; i <= values.length; i++) {
      boolean ok = i < values.length && PlotScale.plottable(values[i]);
      if (ok) {
        double x = f.x(iterations == null ? i + 1 : iterations[i]);
        double y = f.y(values[i]);
        if (run == 0) {
          path.moveTo(x, y);
        } else {
          path.lineTo(x, y);
        }
        run++;
      } else if (run == 1) {
        Point2D p = path.getCurrentPoint();
        g.fill(new Ellipse2D.Double(p.getX() - 2.5, p.getY() - 2.5, 5, 5));
        run = 0;
      } else {
        run = 0;
      }
    }
    g.draw(path);
  }
}

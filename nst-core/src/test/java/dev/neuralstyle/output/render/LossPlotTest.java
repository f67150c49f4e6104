package dev.neuralstyle.output.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossPlotTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static int colour(int series) {
    return LossPlot.seriesColor(series).getRGB() & 0xFFFFFF;
  }

  @Test
  void drawsEverySeriesInItsOwnColour() {
    double[] total = new double[200];
    double[] style = new double[200];
    for (int i = 0; i < 200; i++) {
      total[i] = 1e7 * Math.exp(-i / 30.0) + 1e3;
      style[i] = 5e4;
    }
    BufferedImage plot =
        LossPlot.render("Loss", List.of("total", "style"), List.of(total, style), null, 640, 400);
    assertEquals(640, plot.getWidth());
    assertEquals(400, plot.getHeight());
    Rectangle all = new Rectangle(0, 0, 640, 400);
    int swatch = Legend.SWATCH * Legend.SWATCH;
    assertTrue(Pixels.count(plot, colour(0), all) > swatch + 100, "total curve drawn");
    assertTrue(Pixels.count(plot, colour(1), all) > swatch + 300, "flat style line drawn");
    assertEquals(0, Pixels.count(plot, colour(2), all), "no third series");
    Rectangle line = Pixels.boundsOf(plot, colour(1));
    assertTrue(line.width > 400, "style line spans the x axis: " + line);
  }

  @Test
  void skipsValuesThatCannotBeShownOnALogAxis() {
    double[] bad = {0, -1, Double.NaN, Double.POSITIVE_INFINITY};
    double[] good = {100, 0, 10, Double.NaN, 1, 0.5};
    BufferedImage plot = LossPlot.render(List.of("bad", "good"), List.of(bad, good), 320, 240);
    Rectangle all = new Rectangle(0, 0, 320, 240);
    assertEquals(
        Legend.SWATCH * Legend.SWATCH,
        Pixels.count(plot, colour(0), all),
        "only the legend swatch");
    assertTrue(Pixels.count(plot, colour(1), all) > Legend.SWATCH * Legend.SWATCH);
  }

  @Test
  void decadesAndTicks() {
    int[] d = PlotScale.decades(List.of(new double[] {3e2, 0, 7e5}));
    assertEquals(2, d[0]);
    assertEquals(6, d[1]);
    assertEquals("1e3", PlotScale.decadeLabel(3));
    assertEquals("1e-2", PlotScale.decadeLabel(-2));
    assertEquals(200, PlotScale.niceStep(1000, 6));
    assertEquals(List.of(0.0, 50.0, 100.0), PlotScale.ticks(-3, 120, 50));
    int[] flat = PlotScale.decades(List.of(new double[] {1000}));
    assertEquals(1, flat[1] - flat[0]);
  }

  @Test
  void iterationNumbersAndEmptySeries() {
    BufferedImage plot =
        LossPlot.render(
            "t",
            List.of("a", "b"),
            List.of(new double[] {5, 4, 3}, new double[0]),
            new int[] {50, 100, 150},
            300,
            200);
    assertEquals(300, plot.getWidth());
    assertThrows(
        IllegalArgumentException.class, () -> LossPlot.render(List.of("a"), List.of(), 300, 200));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LossPlot.render(
                null, List.of("a"), List.of(new double[] {1, 2}), new int[] {1}, 300, 200));
  }
}

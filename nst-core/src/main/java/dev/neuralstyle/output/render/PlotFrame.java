package dev.neuralstyle.output.render;

/**
 * The plot rectangle of a {@link LossPlot} in pixels and the data ranges it shows: linear x, log10
 * y from {@code 10^lowDecade} (bottom) to {@code 10^highDecade} (top).
 */
final class PlotFrame {
  final int left;
  final int top;
  final int right;
  final int bottom;
  final double xMin;
  final double xMax;
  final int lowDecade;
  final int highDecade;

  PlotFrame(
      int left,
      int top,
      int right,
      int bottom,
      double xMin,
      double xMax,
      int lowDecade,
      int highDecade) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
    this.xMin = xMin;
    this.xMax = xMax;
    this.lowDecade = lowDecade;
    this.highDecade = highDecade;
  }

  /** Pixel column of iteration {@code x}. */
  double x(double x) {
    return left + (right - left) * (x - xMin) / (xMax - xMin);
  }

  /** Pixel row of the positive value {@code v}. */
  double y(double v) {
    return top + (bottom - top) * (highDecade - Math.log10(v)) / (highDecade - lowDecade);
  }
}

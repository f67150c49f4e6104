package dev.neuralstyle.video;

import dev.neuralstyle.image.RgbPixels;

/**
 * How much consecutive output frames disagree where the input's motion says they should agree: the
 * root of the mask-weighted mean squared difference between frame i and frame i-1 warped into it
 * (the quantity the temporal loss of Ruder et al. 2016, eq. 7, minimises), in 8-bit levels. Flicker
 * raises it; a stylisation that follows the motion keeps it low.
 */
public final class WarpError {
  private WarpError() {}

  /**
   * The error of one pair, in 8-bit levels (0 when the mask is empty).
   *
   * @param previous output frame i-1
   * @param current output frame i
   * @param backward flow from frame i to frame i-1 (of the input)
   * @param mask the consistency mask of frame i
   */
  public static double pair(
      RgbPixels previous, RgbPixels current, FlowField backward, float[] mask) {
    RgbPixels warped = Warp.image(previous, backward);
    double sum = 0;
    double weight = 0;
    float[][] a = {current.r(), current.g(), current.b()};
    float[][] b = {warped.r(), warped.g(), warped.b()};
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] == 0) {
        continue;
      }
      for (int c = 0; c < 3; c++) {
        double d = a[c][i] - b[c][i];
        sum += mask[i] * d * d;
      }
      weight += 3 * mask[i];
    }
    return weight == 0 ? 0 : 255 * Math.sqrt(sum / weight);
  }
}

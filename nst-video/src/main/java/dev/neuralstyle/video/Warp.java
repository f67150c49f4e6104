package dev.neuralstyle.video;

import dev.neuralstyle.image.RgbPixels;

/**
 * Backward warping (Ruder et al. 2016, arXiv 1604.08610, section 3: {@code omega}): an image of
 * frame {@code i-j} is brought into frame {@code i} by sampling it where the flow from frame {@code
 * i} to frame {@code i-j} points, {@code out(x) = in(x + w(x))}, bilinearly. Positions outside the
 * frame take the nearest border pixel; the consistency mask gives them weight 0.
 */
public final class Warp {
  private Warp() {}

  /**
   * {@code image} (of the flow's target frame) seen from the flow's source frame. The input is not
   * modified.
   *
   * @param flow from the frame the result belongs to, to the frame {@code image} shows
   */
  public static RgbPixels image(RgbPixels image, FlowField flow) {
    int w = flow.width();
    int h = flow.height();
    if (image.width() != w || image.height() != h) {
      throw new IllegalArgumentException(
          "image "
              + image.width()
              + "x"
              + image.height()
              + " does not match the flow's "
              + w
              + "x"
              + h);
    }
    float[] r = new float[w * h];
    float[] g = new float[w * h];
    float[] b = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float sx = clamp(x + flow.dx()[i], w - 1);
        float sy = clamp(y + flow.dy()[i], h - 1);
        r[i] = FlowField.sample(image.r(), w, h, sx, sy);
        g[i] = FlowField.sample(image.g(), w, h, sx, sy);
        b[i] = FlowField.sample(image.b(), w, h, sx, sy);
      }
    }
    return new RgbPixels(w, h, r, g, b);
  }

  private static float clamp(float v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}

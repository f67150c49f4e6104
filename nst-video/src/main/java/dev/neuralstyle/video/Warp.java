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

  /**
   * The start image of frame i (Ruder et al.'s "prev-warped" initialisation): {@code warped}, the
   * previous result warped into frame i, except on the rim of {@link ConsistencyMask#BORDER}
   * pixels, which is taken from {@code content}, frame i itself. Differs from Ruder et al. (2016):
   * the warp clamps positions at the edges, so the rim would copy the previous result's edge pixels
   * and carry their offset from frame to frame (see {@link ConsistencyMask#BORDER}). The inputs are
   * not modified.
   *
   * @param warped the previous result warped into frame i
   * @param content frame i of the input, of the same size
   */
  public static RgbPixels startImage(RgbPixels warped, RgbPixels content) {
    int w = warped.width();
    int h = warped.height();
    if (content.width() != w || content.height() != h) {
      throw new IllegalArgumentException(
          "content " + content.width() + "x" + content.height() + " differs from " + w + "x" + h);
    }
    float[][] in = {warped.r(), warped.g(), warped.b()};
    float[][] rim = {content.r(), content.g(), content.b()};
    float[][] out = new float[3][];
    int border = ConsistencyMask.BORDER;
    for (int c = 0; c < 3; c++) {
      out[c] = in[c].clone();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (x < border || y < border || x >= w - border || y >= h - border) {
            out[c][y * w + x] = rim[c][y * w + x];
          }
        }
      }
    }
    return new RgbPixels(w, h, out[0], out[1], out[2]);
  }

  private static float clamp(float v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}

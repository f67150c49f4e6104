package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.image.RgbPixels;

/**
 * Carries a coarse stage's result to the next stage's size (Gatys et al. 2017, coarse-to-fine), in
 * float so no 8-bit rounding enters between stages.
 *
 * <p>Differs from Gatys et al. (2017), who start the fine stage from the upsampled result alone: a
 * run that starts from the content image gets the photo's own detail band back (what the coarse
 * stage could not hold: the photo minus the photo taken down to the coarse size and up again, a
 * Laplacian pyramid's level). An upsampled image has no energy at the finest scale, and the first
 * fine iterations otherwise fill that gap with a regular pattern aligned with the network's pooling
 * grid (measured in docs/QUALITY.md).
 */
final class StageUpsampling {
  private StageUpsampling() {}

  /**
   * The coarse result {@code rgb} ({@code w x h}) at {@code toW x toH} plus the detail band of
   * {@code photo} (planar RGB at {@code toW x toH}) that a round trip through {@code w x h} loses.
   */
  static float[] resizeWithDetail(float[] rgb, int w, int h, float[] photo, int toW, int toH) {
    float[] up = resize(rgb, w, h, toW, toH);
    float[] blurred = resize(resize(photo, toW, toH, w, h), w, h, toW, toH);
    for (int i = 0; i < up.length; i++) {
      up[i] += photo[i] - blurred[i];
    }
    return up;
  }

  /** Resizes planar RGB ({@code 3 x h x w}) to {@code toW x toH}. */
  static float[] resize(float[] rgb, int w, int h, int toW, int toH) {
    int plane = w * h;
    float[] r = java.util.Arrays.copyOfRange(rgb, 0, plane);
    float[] g = java.util.Arrays.copyOfRange(rgb, plane, 2 * plane);
    float[] b = java.util.Arrays.copyOfRange(rgb, 2 * plane, 3 * plane);
    RgbPixels out = ImageResize.toSize(new RgbPixels(w, h, r, g, b), toW, toH);
    int outPlane = toW * toH;
    float[] result = new float[3 * outPlane];
    System.arraycopy(out.r(), 0, result, 0, outPlane);
    System.arraycopy(out.g(), 0, result, outPlane, outPlane);
    System.arraycopy(out.b(), 0, result, 2 * outPlane, outPlane);
    return result;
  }
}

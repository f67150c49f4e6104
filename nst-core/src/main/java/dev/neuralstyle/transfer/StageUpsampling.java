package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.image.RgbPixels;

/**
 * Carries a coarse stage's result to the next stage's size (Gatys et al. 2017, coarse-to-fine), in
 * float so no 8-bit rounding enters between stages.
 */
final class StageUpsampling {
  private StageUpsampling() {}

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

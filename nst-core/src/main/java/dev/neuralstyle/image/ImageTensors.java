package dev.neuralstyle.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.features.Preprocessing;
import java.awt.image.BufferedImage;

/**
 * Converts between images and the network's input tensors: {@code BufferedImage} (sRGB, 8 bits per
 * channel) to a (1, 3, H, W) float32 array in the convention of the loaded weights, and back.
 */
public final class ImageTensors {
  private ImageTensors() {}

  /**
   * Preprocesses {@code image} for weights trained with {@code convention}: channel order, value
   * scale, mean and standard deviation. The input is not modified.
   */
  public static NDArray toTensor(NDManager manager, BufferedImage image, Preprocessing convention) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] rgb = toRgbPlanes(image);
    return fromRgbPlanes(manager, rgb, h, w, convention);
  }

  /**
   * Preprocesses planar RGB values in 0..1 (three planes of {@code h*w}) for {@code convention}.
   */
  public static NDArray fromRgbPlanes(
      NDManager manager, float[] rgb, int h, int w, Preprocessing convention) {
    int plane = h * w;
    float[] out = new float[3 * plane];
    float[] mean = convention.meanRgb();
    float[] std = convention.stdRgb();
    float scale = convention.scale();
    for (int c = 0; c < 3; c++) {
      int dst = convention.bgr() ? 2 - c : c;
      for (int i = 0; i < plane; i++) {
        out[dst * plane + i] = (rgb[c * plane + i] * scale - mean[c]) / std[c];
      }
    }
    return manager.create(out, new Shape(1, 3, h, w));
  }

  /** Planar RGB values in 0..1 of {@code image}: three planes of width x height, row-major. */
  public static float[] toRgbPlanes(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int plane = w * h;
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] rgb = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = argb[i];
      rgb[i] = ((p >> 16) & 0xff) / 255f;
      rgb[plane + i] = ((p >> 8) & 0xff) / 255f;
      rgb[2 * plane + i] = (p & 0xff) / 255f;
    }
    return rgb;
  }

  /**
   * Undoes the preprocessing of a (1, 3, H, W) or (3, H, W) tensor into planar RGB values in 0..1,
   * not clipped.
   */
  public static float[] toRgbPlanes(NDArray tensor, Preprocessing convention) {
    Shape shape = tensor.getShape();
    int h = (int) shape.get(shape.dimension() - 2);
    int w = (int) shape.get(shape.dimension() - 1);
    int plane = h * w;
    float[] data = tensor.toFloatArray();
    float[] mean = convention.meanRgb();
    float[] std = convention.stdRgb();
    float scale = convention.scale();
    float[] rgb = new float[3 * plane];
    for (int c = 0; c < 3; c++) {
      int src = convention.bgr() ? 2 - c : c;
      for (int i = 0; i < plane; i++) {
        rgb[c * plane + i] = (data[src * plane + i] * std[c] + mean[c]) / scale;
      }
    }
    return rgb;
  }

  /** Builds an 8-bit sRGB image from planar RGB values, clipping to 0..1 and rounding. */
  public static BufferedImage toImage(float[] rgb, int h, int w) {
    int plane = h * w;
    int[] argb = new int[plane];
    for (int i = 0; i < plane; i++) {
      argb[i] =
          0xff000000
              | (to8bit(rgb[i]) << 16)
              | (to8bit(rgb[plane + i]) << 8)
              | to8bit(rgb[2 * plane + i]);
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, w, h, argb, 0, w);
    return image;
  }

  /** Undoes the preprocessing of a tensor and returns the clipped 8-bit image. */
  public static BufferedImage toImage(NDArray tensor, Preprocessing convention) {
    Shape shape = tensor.getShape();
    int h = (int) shape.get(shape.dimension() - 2);
    int w = (int) shape.get(shape.dimension() - 1);
    return toImage(toRgbPlanes(tensor, convention), h, w);
  }

  private static int to8bit(float v) {
    if (!(v > 0f)) {
      return 0; // also maps NaN to black rather than failing
    }
    return v >= 1f ? 255 : Math.round(v * 255f);
  }
}

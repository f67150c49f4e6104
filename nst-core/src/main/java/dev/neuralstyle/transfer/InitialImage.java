package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageTensors;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Builds the starting image of the optimisation from an {@link InitSpec}. */
final class InitialImage {
  private InitialImage() {}

  /**
   * The start in the network's input space. Noise comes from {@code seed} through a Java generator,
   * so the same seed gives bit-identical starts on every machine.
   *
   * @param content the resized content image, or null when the run has none (then the mode is
   *     neither {@link InitMode#CONTENT} nor {@link InitMode#BLEND})
   * @param file the init image for {@link InitMode#FILE} and {@link InitMode#STYLE}, already at the
   *     output size, else null
   * @param w the output width
   * @param h the output height
   */
  static NDArray create(
      NDManager manager,
      InitSpec init,
      long seed,
      Preprocessing convention,
      BufferedImage content,
      BufferedImage file,
      int w,
      int h) {
    switch (init.mode()) {
      case CONTENT:
        return ImageTensors.toTensor(manager, content, convention);
      case STYLE:
      case FILE:
        return ImageTensors.toTensor(manager, file, convention);
      case GRAY:
        {
          // Hvass: 128 + U[0, 1) on the 0..255 scale.
          SplittableRandom random = new SplittableRandom(seed);
          float[] rgb = new float[3 * w * h];
          for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (128f + (float) random.nextDouble()) / 255f;
          }
          return ImageTensors.fromRgbPlanes(manager, rgb, h, w, convention);
        }
      case NOISE:
      case BLEND:
      default:
        {
          SplittableRandom random = new SplittableRandom(seed);
          float[] rgb = new float[3 * w * h];
          for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (float) random.nextDouble();
          }
          if (init.mode() == InitMode.BLEND) {
            float[] c = ImageTensors.toRgbPlanes(content);
            float r = (float) init.noiseRatio();
            for (int i = 0; i < rgb.length; i++) {
              rgb[i] = r * rgb[i] + (1 - r) * c[i];
            }
          }
          return ImageTensors.fromRgbPlanes(manager, rgb, h, w, convention);
        }
    }
  }
}

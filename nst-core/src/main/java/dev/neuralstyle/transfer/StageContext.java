package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.image.ImageTensors;
import java.awt.image.BufferedImage;

/**
 * What an {@link ExtraLoss} needs to know about one stage of a run: where its arrays live, the
 * image size and the network's input convention.
 *
 * @param manager the stage's manager (closes when the stage ends)
 * @param convention the network's input convention
 * @param width the stage's image width
 * @param height the stage's image height
 * @param colors the run's colour mode (luminance mode optimises a grey image)
 */
public record StageContext(
    NDManager manager, Preprocessing convention, int width, int height, ColorPreservation colors) {

  /**
   * {@code image} as the network sees it at this stage: resized to the stage size, reduced to
   * luminance in luminance mode, in the input convention; owned by the stage's manager.
   */
  public NDArray toInput(BufferedImage image) {
    BufferedImage sized =
        image.getWidth() == width && image.getHeight() == height
            ? image
            : ImageResize.toSize(image, width, height);
    return ImageTensors.toTensor(manager, ColorControl.content(colors, sized), convention);
  }

  /**
   * Per input channel (in the network's channel order), how many 8-bit pixel levels one unit of the
   * input is: 1 for Caffe weights, 255 * std for torchvision's; multiplying a difference of inputs
   * by it measures it in levels whatever the convention.
   */
  public float[] levelsPerUnit() {
    float[] std = convention.stdRgb();
    float[] out = new float[3];
    for (int c = 0; c < 3; c++) {
      out[convention.bgr() ? 2 - c : c] = std[c] * 255f / convention.scale();
    }
    return out;
  }
}

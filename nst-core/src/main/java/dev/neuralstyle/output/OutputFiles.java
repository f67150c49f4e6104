package dev.neuralstyle.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one run's files go: the image and, each optional ({@code null}: not written), the content |
 * result | style panel, the animated GIF, the loss plot and the run record.
 *
 * @param image the result image, {@code .png} or {@code .jpg}
 * @param panel the comparison panel, or {@code null}
 * @param gif the animation of the optimisation, or {@code null}
 * @param lossPlot the loss curves, or {@code null}
 * @param record the JSON run record, or {@code null}
 */
public record OutputFiles(Path image, Path panel, Path gif, Path lossPlot, Path record) {
  /** Requires the image. */
  public OutputFiles {
    Objects.requireNonNull(image, "image");
  }
}

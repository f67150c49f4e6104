package dev.neuralstyle.output;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where one run's files go: the image and, each optional ({@code null}: not written), the content |
 * result | style panel, the animated GIF, the loss plot and the run record ({@link RunOutput}).
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

  /** Every output at {@code file.apply(output)} ({@code null}: not written). */
  public static OutputFiles of(Function<RunOutput, Path> file) {
    return new OutputFiles(
        file.apply(RunOutput.IMAGE),
        file.apply(RunOutput.PANEL),
        file.apply(RunOutput.GIF),
        file.apply(RunOutput.LOSS_PLOT),
        file.apply(RunOutput.RECORD));
  }

  /** The file of {@code output}, or {@code null} when it is not written. */
  public Path path(RunOutput output) {
    return switch (output) {
      case IMAGE -> image;
      case PANEL -> panel;
      case GIF -> gif;
      case LOSS_PLOT -> lossPlot;
      case RECORD -> record;
    };
  }
}

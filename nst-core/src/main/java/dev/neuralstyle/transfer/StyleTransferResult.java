package dev.neuralstyle.transfer;

import dev.neuralstyle.features.Preprocessing;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The outcome of a run.
 *
 * @param image the stylised image
 * @param content the content image as used (resized), or {@code null} for a run without content
 * @param styles the style images as used (resized); empty for a run without style images
 * @param steps one record per optimiser iteration
 * @param evaluations loss-and-gradient evaluations used
 * @param setupSeconds time to load images and compute targets
 * @param optimizeSeconds time spent optimising
 * @param stopReason {@code budget}, {@code converged}, {@code tolerance} or {@code cancelled}
 * @param preprocessing the input convention used
 * @param device the device the run computed on, as {@code --device} names it ({@code cpu}, {@code
 *     gpu:0})
 * @param stages how each stage run (or resumed) was optimised: whole or in tiles, and why
 */
public record StyleTransferResult(
    BufferedImage image,
    BufferedImage content,
    List<BufferedImage> styles,
    List<StepRecord> steps,
    int evaluations,
    double setupSeconds,
    double optimizeSeconds,
    String stopReason,
    Preprocessing preprocessing,
    String device,
    List<TilePlan> stages) {
  /** Copies the lists. */
  public StyleTransferResult {
    styles = List.copyOf(styles);
    steps = List.copyOf(steps);
    stages = List.copyOf(stages);
  }
}

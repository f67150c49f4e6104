package dev.neuralstyle.transfer;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.progress.StopReason;
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
 * @param stop why the run stopped
 * @param preprocessing the input convention used
 * @param device the device the run computed on, as the {@code device} setting names it ({@code
 *     cpu}, {@code gpu:0})
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
    StopReason stop,
    Preprocessing preprocessing,
    String device,
    List<TilePlan> stages) {
  /** Copies the lists. */
  public StyleTransferResult {
    styles = List.copyOf(styles);
    steps = List.copyOf(steps);
    stages = List.copyOf(stages);
  }

  /** Why the run stopped, by its wire name ({@code budget}, ...). */
  public String stopReason() {
    return stop.wireName();
  }

  /** Whether the run was cancelled (its image is the last one reached). */
  public boolean cancelled() {
    return stop == StopReason.CANCELLED;
  }
}

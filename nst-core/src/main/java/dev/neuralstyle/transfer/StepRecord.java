package dev.neuralstyle.transfer;

import dev.neuralstyle.loss.LossBreakdown;

/**
 * The losses after one optimiser iteration, kept for the run record and the loss plot.
 *
 * @param iteration evaluations used so far
 * @param content the content term as it enters the total (weighted)
 * @param style the style term as it enters the total (weighted)
 * @param tv the total-variation term as it enters the total (weighted)
 * @param total the minimised objective, {@code content + style + tv}
 * @param seconds time since optimisation started
 * @param raw the unweighted losses
 */
public record StepRecord(
    int iteration,
    double content,
    double style,
    double tv,
    double total,
    double seconds,
    LossBreakdown.Raw raw) {
  /** A step whose loss weights are all 1 (raw losses = weighted terms). */
  public StepRecord(
      int iteration, double content, double style, double tv, double total, double seconds) {
    this(iteration, content, style, tv, total, seconds, new LossBreakdown.Raw(content, style, tv));
  }

  /** The step after {@code iteration} evaluations with the losses {@code b}. */
  public static StepRecord of(int iteration, LossBreakdown b, double seconds) {
    return new StepRecord(iteration, b.content(), b.style(), b.tv(), b.total(), seconds, b.raw());
  }

  /** The losses of this step. */
  public LossBreakdown losses() {
    return new LossBreakdown(content, style, tv, total, raw);
  }
}

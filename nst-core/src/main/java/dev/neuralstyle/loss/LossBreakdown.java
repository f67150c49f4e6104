package dev.neuralstyle.loss;

/**
 * The loss terms of one evaluation, as plain numbers: each term as it enters the minimised total
 * (weighted, and rescaled in adaptive mode, so that {@code content + style + tv = total}) and the
 * raw, unweighted losses.
 *
 * @param content the content term of the total: alpha L_content
 * @param style the style term of the total: beta sum_l w_l E_l
 * @param tv the total-variation term of the total: gamma L_tv
 * @param total the objective that was minimised
 * @param raw the unweighted losses
 */
public record LossBreakdown(double content, double style, double tv, double total, Raw raw) {
  /**
   * The unweighted losses of one evaluation.
   *
   * @param content the content loss summed over content layers
   * @param style the style loss {@code sum_l w_l E_l}, before the style weight
   * @param tv the total variation
   */
  public record Raw(double content, double style, double tv) {}

  /** Terms of a run whose loss weights are all 1: the raw losses equal the weighted terms. */
  public LossBreakdown(double content, double style, double tv, double total) {
    this(content, style, tv, total, new Raw(content, style, tv));
  }
}

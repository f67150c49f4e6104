package dev.neuralstyle.loss;

/** How the content and style losses are scaled. */
public enum LossForm {
  /**
   * The paper's sums (Gatys et al. 2015, eqs. 1, 3-5): content = 1/2 sum (F - P)^2; Gram matrices
   * unnormalised; style layer error E_l = sum (G - A)^2 / (4 N_l^2 M_l^2). The paper's alpha/beta
   * ratios (1e-3, 1e-4) refer to this form.
   */
  PAPER,
  /**
   * Means, as in jcjohnson/neural-style and the Hvass notebook: content = mean (F - P)^2; Gram
   * divided by N_l M_l (channels times positions); style layer error = mean (G - A)^2. Loss weights
   * are then independent of image size.
   */
  MEAN,
  /**
   * The default: {@link #MEAN}, with every term divided by a constant of its target so that it is a
   * relative error that starts near 1 whatever the layer's magnitude: content = mean (F - P)^2 /
   * mean P^2 per content layer, style layer error = mean (G - A)^2 / mean A^2 (each style layer
   * then weighs alike however strongly it responds and however many there are), and total variation
   * as a mean over neighbour pairs of pixels in 0..1 units, so that no term's share grows with the
   * image size or depends on the weights' input convention. Differs from Gatys et al. (2015), whose
   * sums ({@link #PAPER}) weigh layers and sizes by their magnitudes; measured in docs/QUALITY.md.
   */
  NORMALIZED,
  /**
   * {@link #NORMALIZED} with the style layers normalised jointly: L_style = sum_l w_l E_l / sum_l
   * w_l mean A_l^2, one divisor for all style layers, so that the layers weigh by their targets'
   * magnitudes as in the paper's eq. 5 (L_style = sum_l w_l E_l) and in the mean form, while the
   * style term as a whole still starts near 1 whatever the painting. Content and total variation as
   * in {@link #NORMALIZED}. Differs from Gatys et al. (2015), eq. 5: the sum is divided by a
   * constant of the targets so that beta does not depend on the painting's contrast.
   */
  JOINT,
  /**
   * {@link #JOINT} with the photo's own Gram energy as the one divisor: L_style = sum_l w_l E_l /
   * sum_l w_l mean G(P)_l^2, where G(P)_l is the content photo's per-position Gram matrix at style
   * layer l. The layers weigh by their magnitudes as in eq. 5, and beta then weighs the style
   * against the content (itself divided by mean P^2, the photo's energy at the content layer) in
   * units of one image, the photo: the balance the paper's and the mean form's fixed weights give
   * to every painting alike. Without a content image (texture synthesis) it is {@link #JOINT}.
   * Differs from Gatys et al. (2015), eq. 5: the sum is divided by a constant of the photo, so that
   * one beta suits photos of any contrast and either input convention; measured in docs/QUALITY.md.
   */
  PHOTO;

  /**
   * Whether the terms are relative errors ({@link #NORMALIZED}, {@link #JOINT} or {@link #PHOTO}).
   */
  public boolean relative() {
    return this == NORMALIZED || this == JOINT || this == PHOTO;
  }
}

package dev.neuralstyle.loss;

/** The total-variation ("denoise") regulariser's norm. */
public enum TvForm {
  /** Anisotropic L1: sum |x(i+1,j) - x(i,j)| + |x(i,j+1) - x(i,j)|, as in the Hvass notebook. */
  L1,
  /** Squared differences, summed: sum (x(i+1,j) - x(i,j))^2 + (x(i,j+1) - x(i,j))^2 (jcjohnson). */
  L2
}

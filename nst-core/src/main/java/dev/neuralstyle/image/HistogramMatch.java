package dev.neuralstyle.image;

/**
 * How {@link ColorSpaces#matchHistogram} chooses the linear map {@code A} with {@code A Σs A^T =
 * Σc} (Gatys et al. 2016, "Preserving Color in Neural Artistic Style Transfer", section 2.1).
 */
public enum HistogramMatch {
  /** Symmetric square roots, {@code A = Σc^(1/2) Σs^(-1/2)} (the "image analogies" variant). */
  EIGEN,
  /** Cholesky factors, {@code A = Lc Ls^(-1)} with {@code Σ = L L^T}. */
  CHOLESKY
}

package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.features.Preprocessing;

/**
 * The valid pixel range 0..1 expressed in a network's input space, per channel, for clipping images
 * during optimisation.
 *
 * @param low per-channel lower bound in network channel order
 * @param high per-channel upper bound in network channel order
 */
public record PixelBounds(float[] low, float[] high) {
  /** Compact constructor: copies the arrays. */
  public PixelBounds {
    low = low.clone();
    high = high.clone();
  }

  /** The bounds of pixel values 0..1 after {@code convention}'s preprocessing. */
  public static PixelBounds of(Preprocessing convention) {
    float[] mean = convention.meanRgb();
    float[] std = convention.stdRgb();
    float[] lo = new float[3];
    float[] hi = new float[3];
    for (int c = 0; c < 3; c++) {
      int dst = convention.bgr() ? 2 - c : c;
      lo[dst] = (0f - mean[c]) / std[c];
      hi[dst] = (convention.scale() - mean[c]) / std[c];
    }
    return new PixelBounds(lo, hi);
  }

  /** Returns {@code x} clipped to the bounds, as a new array in {@code x}'s manager. */
  public NDArray clip(NDArray x) {
    NDManager m = x.getManager();
    NDArray lo = m.create(low, new Shape(1, 3, 1, 1));
    NDArray hi = m.create(high, new Shape(1, 3, 1, 1));
    NDArray out = x.maximum(lo).minimum(hi);
    lo.close();
    hi.close();
    return out;
  }
}

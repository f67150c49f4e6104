package dev.neuralstyle.transfer;

/** Where the optimisation starts. */
public enum InitMode {
  /** White noise: every pixel uniform in 0..1, seeded (Gatys et al. 2015). */
  NOISE,
  /** The content image. */
  CONTENT,
  /** The (first) style image, resized to the output size. */
  STYLE,
  /** The Hvass notebook's start: 128 + U[0, 1) on the 0..255 scale, an almost flat grey. */
  GRAY,
  /** {@code ratio * noise + (1 - ratio) * content} (the paper-reproduction seed used 0.7). */
  BLEND,
  /** An image file, resized to the output size. */
  FILE
}

package dev.neuralstyle.transfer;

/**
 * What a caller adds to one run beyond its {@link StyleTransferRequest}: a start image given as
 * pixels and an extra loss term. Video style transfer (Ruder et al. 2016) starts each frame from
 * the previous frame's result warped by the optical flow and adds a temporal loss.
 *
 * @param start the image the first stage starts from instead of the request's init (resized to the
 *     stage size; reduced to luminance in luminance mode), or {@code null} for the request's init
 * @param extraLoss a term added to the objective at every stage, or {@code null} for none
 */
public record RunExtras(java.awt.image.BufferedImage start, ExtraLoss extraLoss) {
  /** Nothing added: the run is exactly what its request says. */
  public static final RunExtras NONE = new RunExtras(null, null);
}

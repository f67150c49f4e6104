package dev.neuralstyle.output.render;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image with the caption shown under it in a {@link ComparisonPanel}, e.g. "Content", "Result"
 * or "Style".
 *
 * @param caption text under the image; may be empty but not null
 * @param image the image; not modified by renderers
 */
public record CaptionedImage(String caption, BufferedImage image) {
  /** Checks that neither part is null. */
  public CaptionedImage {
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(image, "image");
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ColorSpaces;
import dev.neuralstyle.image.RgbPixels;
import java.awt.image.BufferedImage;
import java.util.List;

/** Applies a {@link ColorPreservation} mode to a run's inputs and to its result. */
final class ColorControl {
  private ColorControl() {}

  /** The content image the network sees: its luminance as grey in luminance mode. */
  static BufferedImage content(ColorPreservation mode, BufferedImage content) {
    if (content == null) {
      return null;
    }
    return mode == ColorPreservation.LUMINANCE
        ? grey(
            ColorSpaces.luminance(RgbPixels.of(content)), content.getWidth(), content.getHeight())
        : content;
  }

  /** The style images the network sees, recoloured or reduced to luminance as the mode says. */
  static List<BufferedImage> styles(
      ColorPreservation mode, List<BufferedImage> styles, BufferedImage content) {
    if (content == null) {
      return styles; // nothing to take colours from (texture synthesis)
    }
    switch (mode) {
      case HISTOGRAM:
        return styles.stream().map(s -> ColorSpaces.matchHistogram(s, content)).toList();
      case LUMINANCE:
        float[] contentY = ColorSpaces.luminance(RgbPixels.of(content));
        return styles.stream()
            .map(
                s ->
                    grey(
                        ColorSpaces.matchLuminance(
                            ColorSpaces.luminance(RgbPixels.of(s)), contentY),
                        s.getWidth(),
                        s.getHeight()))
            .toList();
      default:
        return styles;
    }
  }

  /**
   * The final image: the result's luminance with the content's chroma in luminance/chroma modes.
   */
  static BufferedImage result(ColorPreservation mode, BufferedImage result, BufferedImage content) {
    if (content != null
        && (mode == ColorPreservation.LUMINANCE || mode == ColorPreservation.CHROMA)) {
      return ColorSpaces.chromaSwap(result, content);
    }
    return result;
  }

  private static BufferedImage grey(float[] y, int w, int h) {
    return new RgbPixels(w, h, y.clone(), y.clone(), y.clone()).toImage();
  }
}

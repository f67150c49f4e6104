package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of one stage of a run, loaded and resized as the request says: content to the stage
 * size on its longest side (or to the request's exact output size, scaled to the stage), styles to
 * {@code styleSize} or {@code styleScale * size}, init image and content mask to the output size.
 *
 * @param content the resized content image, or {@code null} for a run without content
 * @param styles the resized style images
 * @param initFile the init image (file or first style) at the output size, or {@code null}
 * @param contentMask the content region image at the output size, or {@code null}
 * @param styleMasks per style image, its region image at that style's size (empty: none)
 * @param width the stage's output width
 * @param height the stage's output height
 */
record RunImages(
    BufferedImage content,
    List<BufferedImage> styles,
    BufferedImage initFile,
    BufferedImage contentMask,
    List<BufferedImage> styleMasks,
    int width,
    int height) {
  static RunImages load(StyleTransferRequest r, int size) {
    long cap = r.maxPixels();
    int width = (int) Math.max(16, Math.round(r.width() * (double) size / r.size()));
    int height = (int) Math.max(16, Math.round(r.height() * (double) size / r.size()));
    BufferedImage content = null;
    BufferedImage original = null;
    if (r.content() != null) {
      original = ImageFiles.read(r.content(), "content image", cap);
      content =
          r.hasOutputSize()
              ? ImageResize.toSize(original, width, height)
              : ImageResize.toMaxSide(original, size);
    }
    if (content != null) {
      width = content.getWidth();
      height = content.getHeight();
    }
    // At a coarse stage the style shrinks in proportion, so brush strokes keep their relative size.
    double side =
        r.styleSize() > 0 ? r.styleSize() * (double) size / r.size() : r.styleScale() * size;
    int styleSide = (int) Math.max(16, Math.round(side));
    List<BufferedImage> styles = new ArrayList<>();
    List<BufferedImage> styleOriginals = new ArrayList<>();
    for (Path p : r.styles()) {
      BufferedImage style = ImageFiles.read(p, "style image", cap);
      styleOriginals.add(style);
      styles.add(ImageResize.toMaxSide(style, styleSide));
    }
    BufferedImage init = null;
    if (r.init().mode() == InitMode.FILE) {
      init = ImageFiles.read(r.init().file(), "init image", cap);
    } else if (r.init().mode() == InitMode.STYLE) {
      init = styles.get(0);
    }
    if (init != null) {
      init = ImageResize.toSize(init, width, height);
    }
    BufferedImage contentMask = null;
    List<BufferedImage> styleMasks = new ArrayList<>();
    if (r.contentMask() != null) {
      BufferedImage mask = ImageFiles.read(r.contentMask(), "content mask", cap);
      if (original != null) {
        requireShape(mask, "content mask " + r.contentMask(), original, "content image");
      }
      contentMask = ImageResize.toSize(mask, width, height);
      for (int i = 0; i < r.styleMasks().size(); i++) {
        BufferedImage style = styles.get(i);
        BufferedImage styleMask = ImageFiles.read(r.styleMasks().get(i), "style mask", cap);
        requireShape(
            styleMask, "style mask " + r.styleMasks().get(i), styleOriginals.get(i), "style image");
        styleMasks.add(ImageResize.toSize(styleMask, style.getWidth(), style.getHeight()));
      }
    }
    return new RunImages(content, styles, init, contentMask, styleMasks, width, height);
  }

  /**
   * A mask must have its image's shape: the same size, or the same aspect ratio within 2% (a mask
   * drawn at another resolution). Anything else would stretch the regions over the wrong pixels.
   */
  private static void requireShape(
      BufferedImage mask, String maskName, BufferedImage image, String imageName) {
    double maskAspect = (double) mask.getWidth() / mask.getHeight();
    double imageAspect = (double) image.getWidth() / image.getHeight();
    if (Math.abs(maskAspect / imageAspect - 1) > 0.02) {
      throw new dev.neuralstyle.NstException(
          maskName
              + " is "
              + mask.getWidth()
              + "x"
              + mask.getHeight()
              + " but the "
              + imageName
              + " is "
              + image.getWidth()
              + "x"
              + image.getHeight()
              + "; a mask must have its image's size (or at least its aspect ratio)");
    }
  }
}

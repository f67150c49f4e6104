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
    if (r.content() != null) {
      BufferedImage original = ImageFiles.read(r.content(), "content image", cap);
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
    for (Path p : r.styles()) {
      styles.add(ImageResize.toMaxSide(ImageFiles.read(p, "style image", cap), styleSide));
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
      contentMask =
          ImageResize.toSize(ImageFiles.read(r.contentMask(), "content mask", cap), width, height);
      for (int i = 0; i < r.styleMasks().size(); i++) {
        BufferedImage style = styles.get(i);
        styleMasks.add(
            ImageResize.toSize(
                ImageFiles.read(r.styleMasks().get(i), "style mask", cap),
                style.getWidth(),
                style.getHeight()));
      }
    }
    return new RunImages(content, styles, init, contentMask, styleMasks, width, height);
  }
}

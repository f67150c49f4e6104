package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of a run, loaded and resized as the request says: content to {@code size} on its longest
 * side, styles to {@code styleSize} or {@code styleScale * size}, an init image to the content's size.
 *
 * @param content the resized content image
 * @param styles the resized style images
 * @param initFile the init image (file or first style) at the content's size, or {@code null}
 * @param contentMask the content region image at the content's size, or {@code null}
 * @param styleMasks per style image, its region image at that style's size (empty: none)
 */
record RunImages(
    BufferedImage content,
    List<BufferedImage> styles,
    BufferedImage initFile,
    BufferedImage contentMask,
    List<BufferedImage> styleMasks) {
  static RunImages load(StyleTransferRequest r, int size) {
    long cap = r.maxPixels();
    BufferedImage content =
        ImageResize.toMaxSide(ImageFiles.read(r.content(), "content image", cap), size);
    // At a coarse stage the style shrinks in proportion, so brush strokes keep their relative size.
    double side = r.styleSize() > 0 ? r.styleSize() * (double) size / r.size() : r.styleScale() * size;
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
      init = ImageResize.toSize(init, content.getWidth(), content.getHeight());
    }
    BufferedImage contentMask = null;
    List<BufferedImage> styleMasks = new ArrayList<>();
    if (r.contentMask() != null) {
      contentMask =
          ImageResize.toSize(
              ImageFiles.read(r.contentMask(), "content mask", cap),
              content.getWidth(),
              content.getHeight());
      for (int i = 0; i < r.styleMasks().size(); i++) {
        BufferedImage style = styles.get(i);
        styleMasks.add(
            ImageResize.toSize(
                ImageFiles.read(r.styleMasks().get(i), "style mask", cap),
                style.getWidth(),
                style.getHeight()));
      }
    }
    return new RunImages(content, styles, init, contentMask, styleMasks);
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of a run, loaded and resized as the request says: content to {@code size} on its
 * longest side (or to the request's exact output size), styles to {@code styleSize} or {@code
 * styleScale * size}, an init image to the output size.
 *
 * @param content the resized content image, or {@code null} for a run without content
 * @param styles the resized style images
 * @param initFile the init image (file or first style) at the output size, or {@code null}
 * @param width the output width
 * @param height the output height
 */
record RunImages(
    BufferedImage content,
    List<BufferedImage> styles,
    BufferedImage initFile,
    int width,
    int height) {
  static RunImages load(StyleTransferRequest r) {
    long cap = r.maxPixels();
    BufferedImage content = null;
    if (r.content() != null) {
      BufferedImage original = ImageFiles.read(r.content(), "content image", cap);
      content =
          r.hasOutputSize()
              ? ImageResize.toSize(original, r.width(), r.height())
              : ImageResize.toMaxSide(original, r.size());
    }
    int width = content != null ? content.getWidth() : r.width();
    int height = content != null ? content.getHeight() : r.height();
    int styleSide =
        r.styleSize() > 0 ? r.styleSize() : (int) Math.max(16, Math.round(r.styleScale() * r.size()));
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
    return new RunImages(content, styles, init, width, height);
  }
}

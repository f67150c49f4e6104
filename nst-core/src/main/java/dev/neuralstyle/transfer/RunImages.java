package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The images of a run, loaded and resized as the request says: content to {@code size} on its longest
 * side, styles to {@code styleSize} or {@code styleScale * size}, an init file to the content's size.
 *
 * @param content the resized content image
 * @param styles the resized style images
 * @param initFile the init image (file or first style) at the content's size, or {@code null}
 */
record RunImages(BufferedImage content, List<BufferedImage> styles, BufferedImage initFile) {
  static RunImages load(StyleTransferRequest r) {
    BufferedImage content = toMaxSide(read(r.content(), "content image"), r.size());
    int styleSide =
        r.styleSize() > 0 ? r.styleSize() : (int) Math.max(16, Math.round(r.styleScale() * r.size()));
    List<BufferedImage> styles = new ArrayList<>();
    for (Path p : r.styles()) {
      styles.add(toMaxSide(read(p, "style image"), styleSide));
    }
    BufferedImage init = null;
    if (r.init().mode() == InitMode.FILE) {
      init = resize(read(r.init().file(), "init image"), content.getWidth(), content.getHeight());
    }
    if (r.init().mode() == InitMode.STYLE) {
      init = resize(styles.get(0), content.getWidth(), content.getHeight());
    }
    return new RunImages(content, styles, init);
  }

  private static BufferedImage read(Path file, String what) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new NstException(what + " " + file + " is not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new NstException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
    }
  }

  private static BufferedImage toMaxSide(BufferedImage image, int side) {
    double f = side / (double) Math.max(image.getWidth(), image.getHeight());
    int w = Math.max(1, (int) Math.round(image.getWidth() * f));
    int h = Math.max(1, (int) Math.round(image.getHeight() * f));
    return resize(image, w, h);
  }

  private static BufferedImage resize(BufferedImage image, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run checks before any work, from the image headers alone (nothing is decoded): every stage
 * and style image is large enough for the network's pooling layers, and the whole run fits in the
 * memory that is available ({@link MemoryEstimate#checkRun}). So a run that cannot finish is
 * refused at once, not after its first stage.
 */
final class RunChecks {
  /** The shortest side the network accepts: four poolings must leave at least one pixel. */
  static final int MIN_SIDE = 16;

  private RunChecks() {}

  static void beforeWork(StyleTransferRequest r) {
    int[] content =
        r.content() == null
            ? new int[] {r.width(), r.height()}
            : ImageFiles.dimensions(r.content(), "content image", r.maxPixels());
    List<Integer> sizes = r.stageSizes();
    int[] first = MemoryEstimate.stageDimensions(r, sizes.get(0), content[0], content[1]);
    if (Math.min(first[0], first[1]) < MIN_SIDE) {
      throw new NstException(
          String.format(
              java.util.Locale.ROOT,
              "content image %s is %dx%d, which gives a %dx%d image at size %d; each side must be"
                  + " at least %d px (use a larger --size, or crop the image to a less extreme"
                  + " shape)",
              r.content(),
              content[0],
              content[1],
              first[0],
              first[1],
              sizes.get(0),
              MIN_SIDE));
    }
    double side = r.styleSize() > 0 ? r.styleSize() : r.styleScale() * r.size();
    double smallest = side * sizes.get(0) / r.size();
    for (Path style : r.styles()) {
      int[] s = ImageFiles.dimensions(style, "style image", r.maxPixels());
      double shorter = smallest * Math.min(s[0], s[1]) / Math.max(s[0], s[1]);
      if (shorter < MIN_SIDE) {
        throw new NstException(
            String.format(
                java.util.Locale.ROOT,
                "style image %s is %dx%d, which gives a %.0f px shorter side at the style size;"
                    + " it must be at least %d px (use a larger --style-size/--style-scale, or a"
                    + " less extreme shape)",
                style,
                s[0],
                s[1],
                shorter,
                MIN_SIDE));
      }
    }
    MemoryEstimate.checkRun(r, content[0], content[1]);
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggLayers;
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
  private RunChecks() {}

  /**
   * The shortest side the requested layers accept: the poolings before the deepest of them must
   * leave at least one pixel (16 px for relu5_1, 4 px for relu3_1), and every side needs at least 2
   * px, since the total variation is a mean over neighbour pairs along each axis (a 1 px side has
   * none: the mean of nothing is NaN).
   */
  static int minSide(StyleTransferRequest r) {
    int pools = 0;
    List<String> layers = new java.util.ArrayList<>(r.contentLayers());
    layers.addAll(r.styleLayers());
    for (String layer : layers) {
      int block = VggLayers.blockOf(layer);
      pools = Math.max(pools, layer.startsWith("pool") ? block : block - 1);
    }
    return Math.max(2, 1 << pools);
  }

  static void beforeWork(StyleTransferRequest r) {
    final int minSide = minSide(r);
    int[] content =
        r.content() == null
            ? new int[] {r.width(), r.height()}
            : ImageFiles.dimensions(r.content(), "content image", r.maxPixels());
    List<Integer> sizes = r.stageSizes();
    int[] first = MemoryEstimate.stageDimensions(r, sizes.get(0), content[0], content[1]);
    if (Math.min(first[0], first[1]) < minSide) {
      throw NstException.mentioning(
          String.format(
              java.util.Locale.ROOT,
              "content image %s is %dx%d, which gives a %dx%d image at size %d; each side must be"
                  + " at least %d px (use a larger {size}, or crop the image to a less extreme"
                  + " shape)",
              r.content(),
              content[0],
              content[1],
              first[0],
              first[1],
              sizes.get(0),
              minSide));
    }
    double side = r.styleSize() > 0 ? r.styleSize() : r.styleScale() * r.size();
    double smallest = side * sizes.get(0) / r.size();
    for (Path style : r.styles()) {
      int[] s = ImageFiles.dimensions(style, "style image", r.maxPixels());
      double shorter = smallest * Math.min(s[0], s[1]) / Math.max(s[0], s[1]);
      if (shorter < minSide) {
        throw NstException.mentioning(
            String.format(
                java.util.Locale.ROOT,
                "style image %s is %dx%d, which gives a %.0f px shorter side at the style size;"
                    + " it must be at least %d px (use a larger {style-size}/{style-scale}, or a"
                    + " less extreme shape)",
                style,
                s[0],
                s[1],
                shorter,
                minSide));
      }
    }
    MemoryEstimate.checkRun(r, content[0], content[1]);
  }
}

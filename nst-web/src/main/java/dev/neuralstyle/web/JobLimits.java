package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.transfer.MemoryEstimate;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.util.Locale;

/**
 * What a server accepts in one job beyond the library's own rules, checked before the job is
 * queued: iterations, the style images' side (from {@code style-size} or {@code style-scale x
 * size}) and the memory the whole run needs by {@link MemoryEstimate#peakBytes}, against the
 * server's limits. Each refusal is a {@link FormException} naming the field to change.
 */
final class JobLimits {
  private JobLimits() {}

  static void check(StyleTransferRequest r, int maxSize, int maxIterations, long maxJobBytes) {
    if (r.iterations() > maxIterations) {
      throw new FormException(
          "iterations",
          "must be at most " + maxIterations + " on this server, found " + r.iterations());
    }
    if (r.styleSize() > maxSize) {
      throw new FormException(
          "style-size", "must be at most " + maxSize + " on this server, found " + r.styleSize());
    }
    double styleSide = r.styleSize() > 0 ? r.styleSize() : r.styleScale() * r.size();
    if (r.styleSize() == 0 && styleSide > maxSize) {
      throw new FormException(
          "style-scale",
          String.format(
              Locale.ROOT,
              "style images would be %.0f px (style-scale %s x size %d); this server allows at"
                  + " most %d",
              styleSide,
              Double.toString(r.styleScale()).length() > 12
                  ? String.format(Locale.ROOT, "%.4g", r.styleScale())
                  : Double.toString(r.styleScale()),
              r.size(),
              maxSize));
    }
    if (maxJobBytes <= 0) {
      return;
    }
    int[] content;
    try {
      content =
          r.content() == null
              ? new int[] {r.width(), r.height()}
              : ImageFiles.dimensions(r.content(), "content image", r.maxPixels());
    } catch (NstException e) {
      throw new FormException("content", "the content image cannot be read");
    }
    long needed = MemoryEstimate.peakBytes(r, content[0], content[1]);
    if (needed > maxJobBytes) {
      throw new FormException(
          "size",
          String.format(
              Locale.ROOT,
              "this job needs about %.1f GB of memory; this server allows %.1f GB per job"
                  + " (lower size or style-size, or use shallower layers)",
              needed / 1e9,
              maxJobBytes / 1e9));
    }
  }
}

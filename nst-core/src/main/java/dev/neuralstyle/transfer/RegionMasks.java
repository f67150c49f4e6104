package dev.neuralstyle.transfer;

import dev.neuralstyle.NstException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Region maps for spatial control (Gatys et al. 2017): images with one flat colour per region. The
 * regions are the colours of the content mask that cover at least 0.5% of it; every pixel of any
 * mask belongs to the region of the nearest such colour, so resampling and JPEG noise do not create
 * regions.
 */
final class RegionMasks {
  /** The most regions a mask may define. */
  static final int MAX_REGIONS = 16;

  private static final double MIN_SHARE = 0.005;

  private RegionMasks() {}

  /** The region colours (RGB) of a content mask, most frequent first. */
  static List<Integer> palette(BufferedImage mask, Path file) {
    Map<Integer, Integer> counts = new HashMap<>();
    int[] px = pixels(mask);
    for (int p : px) {
      counts.merge(p & 0xffffff, 1, Integer::sum);
    }
    List<Integer> colours = new ArrayList<>();
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_SHARE * px.length)
        .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> colours.add(e.getKey()));
    if (colours.isEmpty()) {
      throw new NstException(
          "content mask "
              + file
              + " has "
              + counts.size()
              + " colours and none covers 0.5% of it; use flat colours, one per region");
    }
    if (colours.size() > MAX_REGIONS) {
      throw new NstException(
          "content mask "
              + file
              + " has "
              + colours.size()
              + " colours covering 0.5% or more of it; at most "
              + MAX_REGIONS
              + " regions are allowed (use flat colours, one per region)");
    }
    return colours;
  }

  /** For each region colour, a 0/1 plane (row-major, mask's size) of the pixels nearest to it. */
  static float[][] planes(BufferedImage mask, List<Integer> palette) {
    int[] px = pixels(mask);
    float[][] planes = new float[palette.size()][px.length];
    for (int i = 0; i < px.length; i++) {
      planes[nearest(px[i], palette)][i] = 1f;
    }
    return planes;
  }

  private static int nearest(int rgb, List<Integer> palette) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int k = 0; k < palette.size(); k++) {
      int c = palette.get(k);
      long d = 0;
      for (int shift = 0; shift <= 16; shift += 8) {
        long diff = (long) ((rgb >> shift) & 0xff) - ((c >> shift) & 0xff);
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  private static int[] pixels(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return image.getRGB(0, 0, w, h, null, 0, w);
  }
}

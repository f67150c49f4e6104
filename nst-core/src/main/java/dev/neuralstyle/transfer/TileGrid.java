package dev.neuralstyle.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tiles of one tiled evaluation: cores that partition the image, each optimised through a
 * window that adds a halo on every side. With a halo at least the receptive-field radius of the
 * deepest layer, every core position's features are exactly those of the whole image, so the tiled
 * loss and gradient equal the untiled ones up to rounding (see {@link TiledObjective}).
 *
 * <p>Core edges lie on multiples of {@code align} (2 to the number of poolings before the deepest
 * layer), so that every pooling window of a tile is a pooling window of the whole image. The grid
 * is shifted by {@code (offsetX, offsetY)}; for a seamless image the tiles wrap around the edges,
 * otherwise windows are clipped at the image border, where the zero padding matches the whole
 * image's.
 *
 * @param tiles the tiles, row by row
 */
record TileGrid(List<Tile> tiles) {
  /** Smallest accepted {@code tile} setting. */
  static final int MIN_TILE = 16;

  /**
   * One tile: its core starts at ({@code x}, {@code y}) and is {@code width x height} pixels; its
   * window starts {@code padLeft}/{@code padTop} pixels before and ends {@code padRight}/{@code
   * padBottom} after. Coordinates may pass the image edge only for wrapping grids (read them modulo
   * the image size).
   */
  record Tile(
      int x, int y, int width, int height, int padLeft, int padTop, int padRight, int padBottom) {
    /** Window width. */
    int windowWidth() {
      return padLeft + width + padRight;
    }

    /** Window height. */
    int windowHeight() {
      return padTop + height + padBottom;
    }
  }

  TileGrid {
    tiles = List.copyOf(tiles);
  }

  /**
   * The grid over a {@code width x height} image with cores of at most {@code core} pixels (a
   * multiple of {@code align}) and windows {@code halo} pixels wider on every side, in as few tiles
   * as that size allows: {@code ceil(side / core)} cores per side, of nearly equal lengths. With
   * {@code random}, the cuts move randomly: a wrapping grid turns by a random offset, a clipped one
   * moves each cut within the slack its neighbours leave (cores stay at most {@code core} long).
   * Without it the cores are equal and start at 0.
   */
  static TileGrid of(
      int width, int height, int core, int halo, int align, SplittableRandom random, boolean wrap) {
    if (core % align != 0 || halo % align != 0) {
      throw new IllegalArgumentException("core and halo must be multiples of " + align);
    }
    List<int[]> columns = spans(width, core, align, random, wrap);
    List<int[]> rows = spans(height, core, align, random, wrap);
    List<Tile> tiles = new ArrayList<>();
    for (int[] r : rows) {
      for (int[] c : columns) {
        int left = wrap ? halo : Math.min(halo, c[0]);
        int right = wrap ? halo : Math.min(halo, width - c[0] - c[1]);
        int top = wrap ? halo : Math.min(halo, r[0]);
        int bottom = wrap ? halo : Math.min(halo, height - r[0] - r[1]);
        tiles.add(new Tile(c[0], r[0], c[1], r[1], left, top, right, bottom));
      }
    }
    return new TileGrid(tiles);
  }

  /**
   * Start and length of the cores along one side of {@code size} pixels, in units of {@code align}
   * (the last unit may be partial): {@code n = ceil(units / coreUnits)} cores of nearly equal
   * length (one more when a random grid would leave its cuts less than half a core of play), then,
   * with {@code random}, each cut moved by a random amount that keeps both of its cores between one
   * unit and {@code coreUnits}, or (wrapping) the whole circle turned by a random number of units.
   */
  private static List<int[]> spans(
      int size, int core, int align, SplittableRandom random, boolean wrap) {
    int units = (size + align - 1) / align;
    int coreUnits = core / align;
    int n = (units + coreUnits - 1) / coreUnits;
    if (random != null && n > 1 && n * coreUnits - units < coreUnits / 2) {
      // Nearly full cores leave the cuts no room to move, and seams that do not move settle into
      // the picture: one more core gives every cut about half a core of play.
      n++;
    }
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = units / n + (i < units % n ? 1 : 0);
    }
    int shift = 0;
    if (random != null) {
      for (int i = 0; i + 1 < n; i++) {
        // The cut between cores i and i+1 moves by d: lengths[i] + d and lengths[i+1] - d stay in
        // [1, coreUnits].
        int low = Math.max(1 - lengths[i], lengths[i + 1] - coreUnits);
        int high = Math.min(coreUnits - lengths[i], lengths[i + 1] - 1);
        if (high > low) {
          int d = low + random.nextInt(high - low + 1);
          lengths[i] += d;
          lengths[i + 1] -= d;
        }
      }
      if (wrap) {
        shift = random.nextInt(units);
      }
    }
    List<int[]> spans = new ArrayList<>();
    int start = shift;
    for (int i = 0; i < n; i++) {
      // The last unit is short by units * align - size pixels: the core that holds it is too.
      boolean holdsLast = Math.floorMod(units - 1 - start, units) < lengths[i];
      int length = lengths[i] * align - (holdsLast ? units * align - size : 0);
      spans.add(new int[] {(start % units) * align, length});
      start += lengths[i];
    }
    return spans;
  }

  /**
   * The receptive-field radius in pixels of {@code poolsAndConvs}, the layers up to the deepest one
   * in forward order: each 3x3 convolution widens it by the current stride, each 2x2 pooling by the
   * stride before doubling it.
   */
  static int receptiveRadius(List<String> layers) {
    int radius = 0;
    int stride = 1;
    for (String layer : layers) {
      if (layer.startsWith("conv")) {
        radius += stride;
      } else if (layer.startsWith("pool")) {
        radius += stride;
        stride *= 2;
      }
    }
    return radius;
  }
}

package dev.neuralstyle.transfer;

import java.util.ArrayList;
import java.util.List;

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
  /** Smallest accepted {@code --tile}. */
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
   * The grid over a {@code width x height} image with cores of {@code core} pixels (a multiple of
   * {@code align}), windows {@code halo} pixels wider on every side, shifted by the offsets
   * (multiples of {@code align}, taken modulo {@code core}).
   */
  static TileGrid of(
      int width,
      int height,
      int core,
      int halo,
      int align,
      int offsetX,
      int offsetY,
      boolean wrap) {
    if (core % align != 0 || halo % align != 0) {
      throw new IllegalArgumentException("core and halo must be multiples of " + align);
    }
    List<int[]> columns = spans(width, core, Math.floorMod(offsetX, core), align, wrap);
    List<int[]> rows = spans(height, core, Math.floorMod(offsetY, core), align, wrap);
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
   * Start and length of the cores along one side of {@code size} pixels: cuts at {@code offset + k
   * core}. Without wrap the first and last cores are clipped at the border; with wrap the core that
   * crosses the edge starts near the end and runs past it. A core shorter than {@code align} is
   * merged into its neighbour.
   */
  private static List<int[]> spans(int size, int core, int offset, int align, boolean wrap) {
    List<Integer> cuts = new ArrayList<>();
    int first = offset == 0 ? 0 : offset - core;
    for (int c = first; c < size; c += core) {
      cuts.add(c);
    }
    List<int[]> spans = new ArrayList<>();
    if (wrap) {
      // Cuts at offset + k core modulo size; the last span closes the circle to offset.
      int start = offset;
      while (start < offset + size) {
        int end = Math.min(start + core, offset + size);
        if (offset + size - end < align) {
          end = offset + size;
        }
        spans.add(new int[] {start % size, end - start});
        start = end;
      }
      return spans;
    }
    for (int i = 0; i < cuts.size(); i++) {
      int start = Math.max(0, cuts.get(i));
      int end = i + 1 < cuts.size() ? cuts.get(i + 1) : size;
      if (size - end < align) {
        end = size;
      }
      if (end > start) {
        spans.add(new int[] {start, end - start});
      }
      if (end == size) {
        break;
      }
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

package dev.neuralstyle.transfer;

/** Placeholder; filled in by the tiling step. */
final class TileGrid {
  /** Smallest accepted {@code --tile}. */
  static final int MIN_TILE = 64;

  private TileGrid() {}
}

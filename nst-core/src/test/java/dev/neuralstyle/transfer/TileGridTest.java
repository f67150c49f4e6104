package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.transfer.TileGrid.Tile;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tile grid: cores partition the image whatever the offset; windows stay inside or wrap. */
class TileGridTest {
  @Test
  void cores_cover_every_pixel_exactly_once_at_any_offset() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      boolean wrap = trial % 2 == 1;
      int align = 1 << random.nextInt(4);
      int core = align * (1 + random.nextInt(12));
      int halo = align * random.nextInt(4);
      int w = 1 + random.nextInt(150);
      int h = 1 + random.nextInt(150);
      TileGrid grid =
          TileGrid.of(w, h, core, halo, align, trial % 3 == 0 ? null : random.split(), wrap);
      boolean moving = trial % 3 != 0;
      // As few tiles as the core size allows; a moving grid may take one more per side so that
      // its cuts have room to move.
      int across = (w + core - 1) / core + (moving ? 1 : 0);
      int down = (h + core - 1) / core + (moving ? 1 : 0);
      assertTrue(grid.tiles().size() <= across * down, "few tiles: " + grid);
      int[] covered = new int[w * h];
      for (Tile t : grid.tiles()) {
        assertTrue(t.width() > 0 && t.height() > 0, t::toString);
        assertTrue(t.width() <= core && t.height() <= core, t::toString);
        if (!wrap) {
          assertTrue(t.x() - t.padLeft() >= 0 && t.x() + t.width() + t.padRight() <= w);
          assertTrue(t.y() - t.padTop() >= 0 && t.y() + t.height() + t.padBottom() <= h);
          assertTrue(t.x() % align == 0 && t.y() % align == 0, "aligned " + t);
        } else {
          assertEquals(halo, t.padLeft());
          assertEquals(halo, t.padBottom());
        }
        for (int y = t.y(); y < t.y() + t.height(); y++) {
          for (int x = t.x(); x < t.x() + t.width(); x++) {
            covered[Math.floorMod(y, h) * w + Math.floorMod(x, w)]++;
          }
        }
      }
      for (int i = 0; i < covered.length; i++) {
        assertEquals(1, covered[i], "pixel " + i + " of " + w + "x" + h + " core " + core);
      }
    }
  }

  @Test
  void windows_reach_the_halo_past_each_core_inside_the_image() {
    // 100 px = 25 units of 4 px, in cores of at most 32 px: four cores (28, 24, 24, 24 px).
    TileGrid grid = TileGrid.of(100, 60, 32, 8, 4, null, false);
    assertEquals(4 * 2, grid.tiles().size());
    Tile second = grid.tiles().get(1);
    assertEquals(List.of(28, 0, 24, 32, 8, 0, 8, 8), fields(second));
  }

  @Test
  void random_grids_move_their_cuts_every_evaluation() {
    SplittableRandom random = new SplittableRandom(5);
    java.util.Set<Integer> firstCuts = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      firstCuts.add(TileGrid.of(1000, 16, 512, 16, 16, random, false).tiles().get(1).x());
    }
    assertTrue(firstCuts.size() > 5, "cuts seen: " + firstCuts);
  }

  @Test
  void the_receptive_field_of_vgg_grows_with_depth() {
    assertEquals(1, TileGrid.receptiveRadius(List.of("conv1_1", "relu1_1")));
    assertEquals(
        13,
        TileGrid.receptiveRadius(
            List.of("conv1_1", "conv1_2", "pool1", "conv2_1", "conv2_2", "pool2", "conv3_1")));
  }

  private static List<Integer> fields(Tile t) {
    return List.of(
        t.x(), t.y(), t.width(), t.height(), t.padLeft(), t.padTop(), t.padRight(), t.padBottom());
  }
}

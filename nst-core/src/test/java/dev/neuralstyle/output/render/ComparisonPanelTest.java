package dev.neuralstyle.output.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonPanelTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void tilesShareTheHeightKeepAspectAndSitSideBySide() {
    BufferedImage red = Pixels.solid(100, 50, 0xFF0000);
    BufferedImage green = Pixels.solid(40, 80, 0x00FF00);
    BufferedImage blue = Pixels.solid(60, 60, 0x0000FF);
    BufferedImage panel =
        ComparisonPanel.render(
            List.of(
                new CaptionedImage("Content", red),
                new CaptionedImage("Result", green),
                new CaptionedImage("Style", blue)),
            120);
    Rectangle r = Pixels.boundsOf(panel, 0xFF0000);
    Rectangle g = Pixels.boundsOf(panel, 0x00FF00);
    Rectangle b = Pixels.boundsOf(panel, 0x0000FF);
    assertEquals(new Rectangle(r.x, r.y, 240, 120), r);
    assertEquals(60, g.width);
    assertEquals(120, g.height);
    assertEquals(120, b.width);
    assertEquals(120, b.height);
    assertEquals(240 * 120, Pixels.count(panel, 0xFF0000, r), "tile is solid");
    assertTrue(r.y == g.y && g.y == b.y, "same top");
    assertTrue(r.x + r.width < g.x && g.x + g.width < b.x, "left to right with gaps");
    assertEquals(0xFFFFFF, panel.getRGB(0, 0) & 0xFFFFFF, "white background");
    assertTrue(panel.getHeight() > r.y + r.height + 10, "room for captions");
    for (Rectangle tile : List.of(r, g, b)) {
      Rectangle caption =
          new Rectangle(
              tile.x, tile.y + tile.height, tile.width, panel.getHeight() - tile.y - tile.height);
      assertTrue(Pixels.dark(panel, caption) > 10, "caption text under tile");
    }
  }

  @Test
  void inputsAreNotModified() {
    BufferedImage red = Pixels.solid(10, 10, 0xFF0000);
    ComparisonPanel.render(List.of(new CaptionedImage("x", red)), 37);
    assertEquals(10, red.getWidth());
    assertEquals(0xFF0000, red.getRGB(5, 5) & 0xFFFFFF);
  }

  @Test
  void rejectsEmptyInput() {
    assertThrows(IllegalArgumentException.class, () -> ComparisonPanel.render(List.of(), 100));
  }
}

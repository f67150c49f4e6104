package dev.neuralstyle.output.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageGridTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void tilesLandInTheirCellsWithLabels() {
    BufferedImage[][] tiles = {
      {Pixels.solid(30, 30, 0xFF0000), Pixels.solid(60, 30, 0x00FF00)},
      {Pixels.solid(20, 40, 0x0000FF), null}
    };
    BufferedImage grid =
        ImageGrid.render(
            "Figure 2",
            List.of("conv1_1", "conv1_1\nconv2_1"),
            List.of("1e-3", "1e-4"),
            tiles,
            90,
            "conv4_1, conv5_1 omitted: the weights file stops at conv3_4");
    Rectangle red = Pixels.boundsOf(grid, 0xFF0000);
    Rectangle green = Pixels.boundsOf(grid, 0x00FF00);
    Rectangle blue = Pixels.boundsOf(grid, 0x0000FF);
    Rectangle empty = Pixels.boundsOf(grid, ImageGrid.EMPTY_CELL.getRGB() & 0xFFFFFF);
    assertEquals(new Rectangle(red.x, red.y, 90, 90), red);
    assertEquals(90, green.width, "wide tile fits the cell width");
    assertEquals(45, green.height);
    assertEquals(45, blue.width, "tall tile fits the cell height");
    assertEquals(90, blue.height);
    assertEquals(new Rectangle(green.x, blue.y, 90, 90), empty);
    assertTrue(red.x + red.width < green.x, "second column right of the first");
    assertTrue(red.y + red.height < blue.y, "second row below the first");
    assertEquals(green.y - 22, red.y, "wide tile centred vertically in its cell");
    assertTrue(Pixels.dark(grid, new Rectangle(0, red.y, red.x, 90)) > 10, "row label");
    assertTrue(Pixels.dark(grid, new Rectangle(red.x, 0, 90, red.y)) > 10, "column label");
    Rectangle below =
        new Rectangle(0, blue.y + 90, grid.getWidth(), grid.getHeight() - blue.y - 90);
    assertTrue(Pixels.dark(grid, below) > 50, "footnote");
  }

  @Test
  void worksWithoutLabelsTitleOrFootnote() {
    BufferedImage grid =
        ImageGrid.render(
            null, null, null, new BufferedImage[][] {{Pixels.solid(8, 8, 0xFF0000)}}, 50, null);
    Rectangle red = Pixels.boundsOf(grid, 0xFF0000);
    assertEquals(50, red.width);
    assertEquals(grid.getWidth(), red.x * 2 + 50);
  }

  @Test
  void labelCountsMustMatch() {
    BufferedImage[][] tiles = {{null, null}};
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageGrid.render(null, List.of("a", "b"), null, tiles, 10, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageGrid.render(null, null, List.of("a"), tiles, 10, null));
  }
}

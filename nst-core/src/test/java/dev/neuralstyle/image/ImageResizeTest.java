package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageResizeTest {
  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void longSideBecomesMaxSideAndAspectIsKept() {
    BufferedImage landscape = ImageResize.toMaxSide(TestImages.noise(1024, 768, 1), 512);
    assertEquals(512, landscape.getWidth());
    assertEquals(384, landscape.getHeight());
    BufferedImage portrait = ImageResize.toMaxSide(TestImages.noise(60, 153, 2), 200);
    assertEquals(78, portrait.getWidth());
    assertEquals(200, portrait.getHeight());
    BufferedImage sliver = ImageResize.toMaxSide(TestImages.noise(1000, 2, 3), 100);
    assertEquals(1, sliver.getHeight());
  }

  @Test
  void inputIsNeverModified() {
    BufferedImage input = TestImages.noise(90, 70, 4);
    int[] before = pixels(input);
    ImageResize.toMaxSide(input, 33);
    ImageResize.toMaxSide(input, 301);
    ImageResize.toSize(input, 90, 70);
    assertArrayEquals(before, pixels(input));
  }

  @Test
  void sameSizeIsAnIdenticalCopy() {
    BufferedImage input = TestImages.noise(31, 17, 5);
    BufferedImage copy = ImageResize.toSize(input, 31, 17);
    assertNotSame(input, copy);
    assertArrayEquals(pixels(input), pixels(copy));
  }

  @Test
  void downscaleAveragesEveryPixel() {
    BufferedImage checker = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
      }
    }
    BufferedImage small = ImageResize.toSize(checker, 5, 5);
    for (int rgb : pixels(small)) {
      assertTrue(TestImages.close(rgb, 0x808080, 8), Integer.toHexString(rgb));
    }
  }

  @Test
  void solidColourStaysSolidBothWays() {
    BufferedImage solid = TestImages.solid(10, 6, 0x2080C0);
    for (BufferedImage out :
        new BufferedImage[] {ImageResize.toSize(solid, 37, 3), ImageResize.toMaxSide(solid, 4)}) {
      for (int rgb : pixels(out)) {
        assertEquals(0x2080C0, rgb & 0xFFFFFF);
      }
    }
  }

  @Test
  void upscaleKeepsStructure() {
    BufferedImage halves = TestImages.solid(8, 8, 0xFFFFFF);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 4; x++) {
        halves.setRGB(x, y, 0);
      }
    }
    BufferedImage big = ImageResize.toSize(halves, 32, 32);
    assertEquals(0, big.getRGB(2, 16) & 0xFFFFFF);
    assertEquals(0xFFFFFF, big.getRGB(29, 16) & 0xFFFFFF);
  }

  @Test
  void rejectsBadSizes() {
    BufferedImage img = TestImages.solid(2, 2, 0);
    assertThrows(IllegalArgumentException.class, () -> ImageResize.toMaxSide(img, 0));
    assertThrows(IllegalArgumentException.class, () -> ImageResize.toSize(img, 3, -1));
  }
}

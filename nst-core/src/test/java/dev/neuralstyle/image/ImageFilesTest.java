package dev.neuralstyle.image;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void pngRoundTripIsExact() {
    BufferedImage img = TestImages.noise(37, 23, 1);
    Path file = dir.resolve("a.png");
    ImageFiles.write(img, file);
    BufferedImage back = ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS);
    assertEquals(BufferedImage.TYPE_INT_RGB, back.getType());
    assertEquals(37, back.getWidth());
    assertEquals(23, back.getHeight());
    int[] a = img.getRGB(0, 0, 37, 23, null, 0, 37);
    int[] b = back.getRGB(0, 0, 37, 23, null, 0, 37);
    assertTrue(Arrays.equals(a, b));
  }

  @Test
  void jpegRoundTripIsClose() {
    BufferedImage img = TestImages.solid(40, 30, 0x3366CC);
    Path file = dir.resolve("a.JPEG");
    ImageFiles.write(img, file);
    BufferedImage back = ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS);
    assertEquals(40, back.getWidth());
    assertTrue(TestImages.close(0x3366CC, back.getRGB(20, 15), 3));
  }

  @Test
  void decodesByContentNotByName() throws IOException {
    Path file = dir.resolve("really-a-png.jpg");
    Files.write(file, TestImages.encode(TestImages.solid(5, 4, 0x123456), "png"));
    assertEquals(0x123456, ImageFiles.read(file, 100).getRGB(2, 2) & 0xFFFFFF);
  }

  @Test
  void transparencyIsFlattenedOnWhite() throws IOException {
    BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(1, 1, 0xFF00FF00);
    Path file = dir.resolve("alpha.png");
    Files.write(file, TestImages.encode(argb, "png"));
    BufferedImage back = ImageFiles.read(file, 100);
    assertEquals(0xFFFFFF, back.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0x00FF00, back.getRGB(1, 1) & 0xFFFFFF);
  }

  @Test
  void greyImagesBecomeRgb() throws IOException {
    BufferedImage grey = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 1, 0, 100);
    Path file = dir.resolve("grey.png");
    Files.write(file, TestImages.encode(grey, "png"));
    assertEquals(0x646464, ImageFiles.read(file, 100).getRGB(1, 1) & 0xFFFFFF);
  }

  @Test
  void refusesImagesOverThePixelCapBeforeDecoding() throws IOException {
    Path file = dir.resolve("bomb.png");
    Files.write(file, TestImages.pngHeader(20000, 20000));
    NstException e =
        assertThrows(
            NstException.class,
            () -> ImageFiles.read(file, "content image", ImageFiles.DEFAULT_MAX_PIXELS));
    assertEquals(
        "content image "
            + file
            + " is 20000x20000 = 400000000 pixels, over the cap of 100000000 (--max-pixels)",
        cli(e));
  }

  @Test
  void exifOrientationSixRotatesClockwise() throws IOException {
    BufferedImage img = TestImages.solid(32, 16, 0xFFFFFF);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 16, 8);
    g.dispose();
    Path file = dir.resolve("rotated.jpg");
    Files.write(file, TestImages.withExifOrientation(TestImages.encode(img, "jpeg"), 6));
    BufferedImage back = ImageFiles.read(file, 10_000);
    assertEquals(16, back.getWidth());
    assertEquals(32, back.getHeight());
    // The top-left red block of the stored image is at the top right once rotated clockwise.
    assertTrue(TestImages.close(0xFF0000, back.getRGB(12, 4), 40), "red moved to top right");
    assertTrue(TestImages.close(0xFFFFFF, back.getRGB(3, 4), 40), "top left is white");
    assertTrue(TestImages.close(0xFFFFFF, back.getRGB(12, 28), 40), "bottom right is white");
  }

  @Test
  void sharedJpegsWithIccProfilesAndProgressiveEncodingLoad() {
    Path shared = TestImages.sharedImages();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        shared != null && Files.isDirectory(shared), "nst.shared.dir not set");
    BufferedImage tubingen = ImageFiles.read(shared.resolve("content/tubingen.jpg"), 1_000_000);
    assertEquals(1024, tubingen.getWidth());
    assertEquals(768, tubingen.getHeight());
    BufferedImage icc = ImageFiles.read(shared.resolve("content/content_4.jpg"), 1_000_000);
    assertEquals(BufferedImage.TYPE_INT_RGB, icc.getType());
    assertEquals(768, icc.getWidth());
  }
}

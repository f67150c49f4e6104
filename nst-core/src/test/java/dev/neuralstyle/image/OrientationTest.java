package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrientationTest {
  @TempDir Path dir;

  /**
   * EXIF: where row 0 and column 0 of the stored image appear. Columns: orientation, display x and
   * y of stored pixel (0,0), then of stored pixel (1,0), for a stored 3x2 image.
   */
  private static final int[][] EXPECTED = {
    {1, 0, 0, 1, 0},
    {2, 2, 0, 1, 0},
    {3, 2, 1, 1, 1},
    {4, 0, 1, 1, 1},
    {5, 0, 0, 0, 1},
    {6, 1, 0, 1, 1},
    {7, 1, 2, 1, 1},
    {8, 0, 2, 0, 1},
  };

  @Test
  void allEightOrientations() {
    BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        stored.setRGB(x, y, 10 * y + x + 1);
      }
    }
    for (int[] row : EXPECTED) {
      BufferedImage shown = Orientation.apply(stored, row[0]);
      boolean swapped = row[0] >= 5;
      assertEquals(swapped ? 2 : 3, shown.getWidth(), "width for " + row[0]);
      assertEquals(1, shown.getRGB(row[1], row[2]) & 0xFFFFFF, "pixel (0,0) for " + row[0]);
      assertEquals(2, shown.getRGB(row[3], row[4]) & 0xFFFFFF, "pixel (1,0) for " + row[0]);
    }
    assertSame(stored, Orientation.apply(stored, 0));
  }

  @Test
  void parsesExifOrientationAndIgnoresGarbage() throws IOException {
    byte[] jpeg = TestImages.encode(TestImages.solid(8, 8, 0), "jpeg");
    assertEquals(8, JpegSegments.parse(TestImages.withExifOrientation(jpeg, 8)).orientation());
    assertEquals(1, JpegSegments.parse(jpeg).orientation());
    assertEquals(1, JpegSegments.parse(new byte[] {(byte) 0xFF, (byte) 0xD8}).orientation());
    assertEquals(1, JpegSegments.parse(TestImages.withExifOrientation(jpeg, 42)).orientation());
  }

  @Test
  void cmykJpegDecodesWithoutCrashing() throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 12, 4, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    Path file = dir.resolve("cmyk.jpg");
    Files.write(file, bytes.toByteArray());
    BufferedImage image = ImageFiles.read(file, 1000);
    assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
    assertEquals(16, image.getWidth());
    assertEquals(12, image.getHeight());
  }
}

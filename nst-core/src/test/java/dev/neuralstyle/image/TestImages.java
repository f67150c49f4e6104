package dev.neuralstyle.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Synthetic images and hand-made file bytes for the image tests. */
final class TestImages {
  private TestImages() {}

  /** The shared test-image directory, or null when the build did not set {@code nst.shared.dir}. */
  static Path sharedImages() {
    String dir = System.getProperty("nst.shared.dir");
    return dir == null ? null : Path.of(dir, "images");
  }

  /** An image with a different, reproducible colour in every pixel. */
  static BufferedImage noise(int w, int h, long seed) {
    Random random = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return img;
  }

  /** A solid-colour image. */
  static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /** Encodes with ImageIO's default settings. */
  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IOException("no writer for " + format);
    }
    return out.toByteArray();
  }

  /** The first bytes of a PNG whose IHDR chunk claims the given size (no image data follows). */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0);
    ihdr.put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4);
    file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    file.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return file.array();
  }

  /** Inserts an APP1 Exif segment with the given orientation right after the JPEG SOI marker. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    int length = 2 + 6 + tiff.capacity();
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
    out.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff.array());
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** Whether two colours differ by at most {@code tolerance} in every channel. */
  static boolean close(int rgb1, int rgb2, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int a = rgb1 >> shift & 0xFF;
      int b = rgb2 >> shift & 0xFF;
      if (Math.abs(a - b) > tolerance) {
        return false;
      }
    }
    return true;
  }
}

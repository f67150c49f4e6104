package dev.neuralstyle.image;

import dev.neuralstyle.NstException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with ImageIO, choosing the decoder by content. Checks the pixel count from
 * the header before decoding and turns every decoder failure, including the warnings the JPEG
 * decoder gives for truncated files, into a one-line {@link NstException}.
 */
final class ImageDecoder {
  private static final long DECODE_BYTES_PER_PIXEL = 12;

  private ImageDecoder() {}

  /**
   * Decodes {@code data} to an upright, opaque sRGB TYPE_INT_RGB image.
   *
   * @param what how messages name the file, e.g. {@code "content image x.jpg"}
   */
  static BufferedImage decode(byte[] data, String what, long maxPixels) {
    if (data.length == 0) {
      throw new NstException(what + " is empty (0 bytes)");
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new NstException(
            what + " is not an image in a format Java can decode (PNG, JPEG, GIF, BMP, TIFF)");
      }
      ImageReader reader = readers.next();
      try {
        return decodeWith(reader, in, data, what, maxPixels);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new NstException(what + " could not be read: " + AtomicFiles.reason(e), e);
    }
  }

  /** The header's {@code {width, height}} of a regular file, checked against {@code maxPixels}. */
  static int[] dimensions(java.nio.file.Path file, String what, long maxPixels) {
    try (ImageInputStream in = new javax.imageio.stream.FileImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new NstException(
            what + " is not an image in a format Java can decode (PNG, JPEG, GIF, BMP, TIFF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return checkedSize(reader, what, maxPixels);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new NstException(what + " could not be read: " + AtomicFiles.reason(e), e);
    }
  }

  private static int[] checkedSize(ImageReader reader, String what, long maxPixels)
      throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    int width;
    int height;
    try {
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw corrupt(what, format, AtomicFiles.reason(e), e);
    }
    long pixels = (long) width * height;
    if (width <= 0 || height <= 0) {
      throw corrupt(what, format, "header gives a size of " + width + "x" + height, null);
    }
    if (pixels > maxPixels) {
      throw NstException.mentioning(
          String.format(
              Locale.ROOT,
              "%s is %dx%d = %d pixels, over the cap of %d ({max-pixels})",
              what,
              width,
              height,
              pixels,
              maxPixels));
    }
    // Decoding holds the decoder's raster and the sRGB copy: about 12 bytes per pixel.
    long heap = pixels * DECODE_BYTES_PER_PIXEL;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (heap > free) {
      throw NstException.mentioning(
          String.format(
              Locale.ROOT,
              "%s is %dx%d; decoding it needs about %.1f GB of Java heap but %.1f GB is free"
                  + " (lower {max-pixels}, use a smaller image, or raise -Xmx)",
              what,
              width,
              height,
              heap / 1e9,
              free / 1e9));
    }
    return new int[] {width, height};
  }

  private static BufferedImage decodeWith(
      ImageReader reader, ImageInputStream in, byte[] data, String what, long maxPixels)
      throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    reader.setInput(in, true, true);
    checkedSize(reader, what, maxPixels);
    JpegSegments jpeg = JpegSegments.parse(data);
    BufferedImage image;
    try {
      image = Srgb.toIntRgb(readImage(reader, jpeg));
    } catch (IOException | RuntimeException e) {
      throw corrupt(what, format, AtomicFiles.reason(e), e);
    } catch (OutOfMemoryError e) { // the estimate above was low (say, 16-bit samples)
      throw new NstException(what + " is too large to decode in the Java heap", e);
    }
    for (String warning : warnings) {
      String lower = warning.toLowerCase(Locale.ROOT);
      if (lower.contains("truncated") || lower.contains("premature end")) {
        throw corrupt(what, format, warning, null);
      }
    }
    return Orientation.apply(image, jpeg.orientation());
  }

  private static BufferedImage readImage(ImageReader reader, JpegSegments jpeg) throws IOException {
    try {
      return reader.read(0);
    } catch (IIOException e) {
      // ImageIO refuses CMYK/YCCK JPEGs as images but can still hand out the raw channels.
      if (!"JPEG".equalsIgnoreCase(reader.getFormatName()) || !reader.canReadRaster()) {
        throw e;
      }
      Raster raster;
      try {
        raster = reader.readRaster(0, null);
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
        throw e;
      }
      if (raster.getNumBands() != 4) {
        throw e;
      }
      return Srgb.cmykToRgb(raster, jpeg.adobeTransform());
    }
  }

  private static NstException corrupt(String what, String format, String detail, Throwable cause) {
    return new NstException(
        what + " is truncated or corrupt (" + format + " decoder: " + detail + ")", cause);
  }
}

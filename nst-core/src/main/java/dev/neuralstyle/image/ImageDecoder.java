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

  private static BufferedImage decodeWith(
      ImageReader reader, ImageInputStream in, byte[] data, String what, long maxPixels)
      throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    reader.setInput(in, true, true);
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
      throw new NstException(
          String.format(
              Locale.ROOT,
              "%s is %dx%d = %d pixels, over the cap of %d (--max-pixels)",
              what,
              width,
              height,
              pixels,
              maxPixels));
    }
    JpegSegments jpeg = JpegSegments.parse(data);
    BufferedImage image;
    try {
      image = Srgb.toIntRgb(readImage(reader, jpeg));
    } catch (IOException | RuntimeException e) {
      throw corrupt(what, format, AtomicFiles.reason(e), e);
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

package dev.neuralstyle.image;

import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Reads and writes image files. Reading always yields an upright, opaque, 8-bit sRGB image of type
 * {@link BufferedImage#TYPE_INT_RGB}; every problem becomes a one-line {@link NstException} that
 * names the file. Writing is atomic (see {@link AtomicFiles}).
 */
public final class ImageFiles {
  /** Default cap on width x height for images that are read: 100 million pixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** The largest image file read: 1 GiB (100 Mpx of uncompressed 8-bit RGBA is 400 MB). */
  public static final long MAX_FILE_BYTES = 1L << 30;

  private ImageFiles() {}

  /**
   * Reads an image; same as {@link #read(Path, String, long)} with the role {@code "image"}.
   *
   * @param file the image file (PNG, JPEG, GIF, BMP or TIFF, recognised by content)
   * @param maxPixels refuse images with more pixels than this (see {@link #DEFAULT_MAX_PIXELS})
   * @return an upright, opaque sRGB TYPE_INT_RGB image
   * @throws NstException if the file is missing, unreadable, not an image, corrupt or too large
   */
  public static BufferedImage read(Path file, long maxPixels) {
    return read(file, "image", maxPixels);
  }

  /**
   * Reads an image. The size is checked from the header before decoding (decompression-bomb guard).
   * JPEG EXIF orientation is applied, colour profiles are converted to sRGB, grey images become
   * RGB, transparency is flattened onto white and CMYK JPEGs are converted approximately.
   *
   * @param file the image file (PNG, JPEG, GIF, BMP or TIFF, recognised by content)
   * @param role how error messages name the file, e.g. {@code "content image"}
   * @param maxPixels refuse images with more pixels than this (see {@link #DEFAULT_MAX_PIXELS})
   * @return an upright, opaque sRGB TYPE_INT_RGB image
   * @throws NstException if the file is missing, unreadable, not an image, corrupt or too large
   */
  public static BufferedImage read(Path file, String role, long maxPixels) {
    String what = role + " " + file;
    byte[] data = RegularFiles.readAllBytes(file, role, MAX_FILE_BYTES);
    return ImageDecoder.decode(data, what, maxPixels);
  }

  /**
   * The width and height of an image file, from its header only (nothing is decoded).
   *
   * @param role how error messages name the file, e.g. {@code "content image"}
   * @param maxPixels refuse images with more pixels than this
   * @return {@code {width, height}}
   * @throws NstException if the file is missing, not a regular file, not an image or too large
   */
  public static int[] dimensions(Path file, String role, long maxPixels) {
    RegularFiles.require(file, role);
    return ImageDecoder.dimensions(file, role + " " + file, maxPixels);
  }

  /**
   * Decodes an image held in memory (an upload, say) with the same checks as {@link #read(Path,
   * String, long)}: the size is checked from the header before decoding.
   *
   * @param data the encoded image (PNG, JPEG, GIF, BMP or TIFF, recognised by content)
   * @param what how error messages name the data, e.g. {@code "style upload"}
   * @param maxPixels refuse images with more pixels than this
   * @throws NstException if the data is not an image, is corrupt or is too large
   */
  public static BufferedImage decode(byte[] data, String what, long maxPixels) {
    return ImageDecoder.decode(data, what, maxPixels);
  }

  /**
   * Writes an image atomically; the format comes from the extension: {@code .png}, or {@code
   * .jpg}/{@code .jpeg} (quality 0.95, transparency flattened onto white).
   *
   * @param image the image to write; not modified
   * @param file the target file; its directory must exist
   * @throws NstException if the extension is not supported or the file cannot be written
   */
  public static void write(BufferedImage image, Path file) {
    ImageFormat format = ImageFormat.fromFileName(file);
    AtomicFiles.write(file, out -> format.encode(image, out));
  }
}

package dev.neuralstyle.image;

import dev.neuralstyle.NstException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes image files. Reading always yields an upright, opaque, 8-bit sRGB image of type
 * {@link BufferedImage#TYPE_INT_RGB}; every problem becomes a one-line {@link NstException} that
 * names the file. Writing is atomic (see {@link AtomicFiles}).
 */
public final class ImageFiles {
  /** Default cap on width x height for images that are read: 100 million pixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

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
    if (Files.isDirectory(file)) {
      throw new NstException(what + " is a directory, not an image file");
    }
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NstException(what + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new NstException(what + " cannot be read: permission denied", e);
    } catch (IOException | OutOfMemoryError e) {
      throw new NstException(what + " could not be read: " + e, e);
    }
    return ImageDecoder.decode(data, what, maxPixels);
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

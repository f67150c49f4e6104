package dev.neuralstyle.image;

import dev.neuralstyle.NstException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The image formats the project writes, chosen by file extension. */
enum ImageFormat {
  /** Lossless PNG, alpha kept. */
  PNG("png"),
  /** JPEG at quality 0.95, alpha flattened onto white. */
  JPEG("jpeg");

  /** Quality setting for JPEG output. */
  static final float JPEG_QUALITY = 0.95f;

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** Picks the format from the extension of {@code file}, case-insensitively. */
  static ImageFormat fromFileName(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return PNG;
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return JPEG;
    }
    throw new NstException(
        "cannot write " + file + ": unknown image extension (use .png, .jpg or .jpeg)");
  }

  /** Encodes {@code image} to {@code out} without closing it. */
  void encode(BufferedImage image, OutputStream out) throws IOException {
    BufferedImage toWrite = this == JPEG ? Srgb.toIntRgb(image) : image;
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(imageIoName);
    if (!writers.hasNext()) {
      throw new IOException("no ImageIO writer for " + imageIoName);
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (this == JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(toWrite, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}

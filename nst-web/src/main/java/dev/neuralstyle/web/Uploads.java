package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import io.javalin.http.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Accepts image uploads: at most {@code maxBytes}, decodable as an image (checked by decoding, not
 * by name or type) of at most {@code maxPixels}; stored re-encoded as PNG under a name the server
 * chose. The client's file name is never used.
 */
final class Uploads {
  private final long maxBytes;
  private final long maxPixels;

  Uploads(long maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /**
   * Decodes {@code file} and writes it to {@code target} as PNG.
   *
   * @throws FormException naming {@code field} if the upload is too large or not an image
   */
  void save(UploadedFile file, String field, Path target) throws IOException {
    if (file.size() > maxBytes) {
      throw new FormException(
          field, "the file is " + file.size() + " bytes; the limit is " + maxBytes + " bytes");
    }
    byte[] data;
    try (InputStream in = file.content()) {
      data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (data.length > maxBytes) {
      throw new FormException(field, "the file is larger than the limit of " + maxBytes + " bytes");
    }
    if (data.length == 0) {
      throw new FormException(field, "the file is empty");
    }
    BufferedImage image;
    try {
      image = ImageFiles.decode(data, "the " + field + " upload", maxPixels);
    } catch (NstException e) {
      throw new FormException(field, e.getMessage());
    }
    ImageFiles.write(image, target);
  }
}

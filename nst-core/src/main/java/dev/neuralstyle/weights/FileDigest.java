package dev.neuralstyle.weights;

import dev.neuralstyle.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, computed in one streaming pass. */
final class FileDigest {
  private FileDigest() {}

  /** The file's SHA-256 as 64 lower-case hex digits. */
  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Channels.newInputStream(RegularFiles.open(file, "weights file"))) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}

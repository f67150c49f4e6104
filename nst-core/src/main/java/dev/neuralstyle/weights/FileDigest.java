package dev.neuralstyle.weights;

import dev.neuralstyle.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, a stream or bytes, as 64 lower-case hex digits. */
public final class FileDigest {
  private FileDigest() {}

  /** The file's SHA-256, computed in one streaming pass. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Channels.newInputStream(RegularFiles.open(file, "file"))) {
      return sha256(in);
    }
  }

  /** The SHA-256 of everything {@code in} has left (it is not closed). */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}

package dev.neuralstyle.weights.download;

import dev.neuralstyle.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes SHA-256, MD5, SHA-1 and length of a byte stream in one pass. */
final class Hasher {
  private static final int BUFFER_SIZE = 1 << 20;

  private final MessageDigest sha256 = digest("SHA-256");
  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha1 = digest("SHA-1");
  private long size;

  /** Adds the remaining bytes of {@code buffer} without moving its position. */
  void update(ByteBuffer buffer) {
    size += buffer.remaining();
    sha256.update(buffer.duplicate());
    md5.update(buffer.duplicate());
    sha1.update(buffer.duplicate());
  }

  /** Adds the first {@code length} bytes of {@code channel}, read by absolute position. */
  void updateFrom(FileChannel channel, long length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    long position = 0;
    while (position < length) {
      buffer.clear().limit((int) Math.min(BUFFER_SIZE, length - position));
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("file ended at " + position + " of " + length + " bytes");
      }
      buffer.flip();
      update(buffer);
      position += n;
    }
  }

  /** The digests of everything added so far; the hasher must not be used afterwards. */
  FileDigests finish() {
    HexFormat hex = HexFormat.of();
    return new FileDigests(
        size,
        hex.formatHex(sha256.digest()),
        hex.formatHex(md5.digest()),
        hex.formatHex(sha1.digest()));
  }

  /** The digests of a whole file. */
  static FileDigests of(Path file) throws IOException {
    try (FileChannel channel = RegularFiles.open(file, "weights file")) {
      Hasher hasher = new Hasher();
      hasher.updateFrom(channel, channel.size());
      return hasher.finish();
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 and MD5 (MessageDigest Javadoc).
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}

package dev.neuralstyle.weights.download;

import java.util.Objects;

/**
 * The size and digests of a whole file, as lowercase hexadecimal strings.
 *
 * @param size length of the file in bytes
 * @param sha256 SHA-256 of the file (64 hex digits)
 * @param md5 MD5 of the file (32 hex digits)
 * @param sha1 SHA-1 of the file (40 hex digits), or {@code null} if it was not computed
 */
public record FileDigests(long size, String sha256, String md5, String sha1) {

  /** Digests without a SHA-1. */
  public FileDigests(long size, String sha256, String md5) {
    this(size, sha256, md5, null);
  }

  /** Validates that the size is not negative and that both digests are present. */
  public FileDigests {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, found " + size);
    }
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(md5, "md5");
  }
}

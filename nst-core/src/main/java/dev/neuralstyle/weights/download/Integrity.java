package dev.neuralstyle.weights.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a correct copy of a weights file must look like: any combination of a SHA-256 prefix (the 8
 * hex digits torchvision puts in its file names), a full SHA-256, an MD5 (Keras publishes these)
 * and an exact size. At least one digest is required; a {@code null} digest is not checked.
 *
 * @param sha256Prefix leading hex digits of the SHA-256, or {@code null}
 * @param sha256 the full SHA-256 (64 hex digits), or {@code null}
 * @param md5 the MD5 (32 hex digits), or {@code null}
 * @param size exact length in bytes, or -1 if not published
 */
public record Integrity(String sha256Prefix, String sha256, String md5, long size, String sha1) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  /** Normalizes digests to lowercase and checks their lengths and consistency. */
  public Integrity {
    sha256Prefix = hex("sha256Prefix", sha256Prefix, 1, 64);
    sha256 = hex("sha256", sha256, 64, 64);
    md5 = hex("md5", md5, 32, 32);
    sha1 = hex("sha1", sha1, 40, 40);
    if (sha256Prefix == null && sha256 == null && md5 == null && sha1 == null) {
      throw new IllegalArgumentException(
          "integrity needs a SHA-256 prefix, a SHA-256, an MD5 or a SHA-1");
    }
    if (sha256Prefix != null && sha256 != null && !sha256.startsWith(sha256Prefix)) {
      throw new IllegalArgumentException(
          "sha256Prefix " + sha256Prefix + " is not a prefix of sha256 " + sha256);
    }
    if (size < -1) {
      throw new IllegalArgumentException("size must be >= 0 or -1 (unknown), found " + size);
    }
  }

  /** Integrity without a SHA-1 (the form every entry but the numpy files uses). */
  public Integrity(String sha256Prefix, String sha256, String md5, long size) {
    this(sha256Prefix, sha256, md5, size, null);
  }

  /**
   * Integrity given by a published SHA-1 (machrisaa's vgg16.npy) and size ({@code -1} if unknown).
   */
  public static Integrity ofSha1(String sha1, long size) {
    return new Integrity(null, null, null, size, sha1);
  }

  /** Integrity known only from the SHA-256 prefix in a file name; size unknown. */
  public static Integrity ofSha256Prefix(String prefix) {
    return new Integrity(prefix, null, null, -1);
  }

  /** Integrity given by a published MD5 and exact size ({@code -1} if unknown). */
  public static Integrity ofMd5(String md5, long size) {
    return new Integrity(null, null, md5, size);
  }

  /** Integrity given by a full SHA-256 and exact size ({@code -1} if unknown). */
  public static Integrity ofSha256(String sha256, long size) {
    return new Integrity(null, sha256, null, size);
  }

  /** Whether the size is published. */
  public boolean sizeKnown() {
    return size >= 0;
  }

  /** Whether a file with these digests satisfies every value that is given. */
  public boolean matches(FileDigests digests) {
    return (size < 0 || digests.size() == size)
        && (sha256Prefix == null || digests.sha256().startsWith(sha256Prefix))
        && (sha256 == null || digests.sha256().equals(sha256))
        && (md5 == null || digests.md5().equals(md5))
        && (sha1 == null || sha1.equals(digests.sha1()));
  }

  /** The expected values for a message, e.g. {@code "MD5 253f8cb5..., 80,134,624 bytes"}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (sha256 != null) {
      parts.add("SHA-256 " + sha256);
    } else if (sha256Prefix != null) {
      parts.add("SHA-256 starting with " + sha256Prefix);
    }
    if (md5 != null) {
      parts.add("MD5 " + md5);
    }
    if (sha1 != null) {
      parts.add("SHA-1 " + sha1);
    }
    if (size >= 0) {
      parts.add(String.format(Locale.ROOT, "%,d bytes", size));
    }
    return String.join(", ", parts);
  }

  /** The actual values of {@code digests} that correspond to {@link #describe()}'s. */
  public String describeActual(FileDigests digests) {
    List<String> parts = new ArrayList<>();
    if (sha256 != null || sha256Prefix != null) {
      parts.add("SHA-256 " + digests.sha256());
    }
    if (md5 != null) {
      parts.add("MD5 " + digests.md5());
    }
    if (sha1 != null) {
      parts.add("SHA-1 " + digests.sha1());
    }
    if (size >= 0) {
      parts.add(String.format(Locale.ROOT, "%,d bytes", digests.size()));
    }
    return String.join(", ", parts);
  }

  private static String hex(String name, String value, int minLength, int maxLength) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.length() < minLength || v.length() > maxLength || !HEX.matcher(v).matches()) {
      String count = minLength == maxLength ? "" + minLength : minLength + ".." + maxLength;
      throw new IllegalArgumentException(
          name + " must be " + count + " hex digits, found '" + value + "'");
    }
    return v;
  }
}

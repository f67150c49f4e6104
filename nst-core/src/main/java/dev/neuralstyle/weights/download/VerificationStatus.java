package dev.neuralstyle.weights.download;

/** How a file on disk relates to the catalog, as decided by {@link WeightsVerifier}. */
public enum VerificationStatus {
  /** The file has a catalog entry's name and satisfies its integrity values. */
  CATALOG_MATCH(true),
  /** The file has another name but its content satisfies a catalog entry's integrity values. */
  RENAMED_CATALOG_MATCH(true),
  /**
   * Not catalogued, but its name carries a SHA-256 prefix (torch hub's {@code name-<hex>.ext}
   * convention) that the content matches.
   */
  NAME_HASH_MATCH(true),
  /** The file has a catalog entry's name but not its content: corrupt, truncated or replaced. */
  CORRUPT(false),
  /** Not catalogued, and the SHA-256 prefix in its name does not match its content. */
  NAME_HASH_MISMATCH(false),
  /** Nothing is known about this file; it may still be readable, but it was not checked. */
  UNKNOWN(false);

  private final boolean verified;

  VerificationStatus(boolean verified) {
    this.verified = verified;
  }

  /** Whether the content was positively checked against a known digest. */
  public boolean verified() {
    return verified;
  }
}

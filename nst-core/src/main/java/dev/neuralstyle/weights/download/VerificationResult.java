package dev.neuralstyle.weights.download;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WeightsVerifier} found out about one file.
 *
 * @param file the file that was checked
 * @param digests its size, SHA-256 and MD5
 * @param status how it relates to the catalog
 * @param entry the catalog entry it was compared with or identified as, if any
 */
public record VerificationResult(
    Path file, FileDigests digests, VerificationStatus status, Optional<CatalogEntry> entry) {

  /** Checks that no component is {@code null}. */
  public VerificationResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(digests, "digests");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(entry, "entry");
  }

  /** Whether the file's content was positively verified. */
  public boolean verified() {
    return status.verified();
  }

  /** One line for a person, naming the file, the verdict and the relevant digests. */
  public String describe() {
    String name = file.getFileName().toString();
    return switch (status) {
      case CATALOG_MATCH -> name + ": verified (" + entry.orElseThrow().id() + ")";
      case RENAMED_CATALOG_MATCH ->
          name
              + ": verified, same content as "
              + entry.orElseThrow().fileName()
              + " ("
              + entry.orElseThrow().id()
              + ")";
      case NAME_HASH_MATCH -> name + ": SHA-256 matches the prefix in its name (not catalogued)";
      case CORRUPT ->
          name
              + ": corrupt: expected "
              + entry.orElseThrow().integrity().describe()
              + ", found "
              + entry.orElseThrow().integrity().describeActual(digests);
      case NAME_HASH_MISMATCH ->
          name + ": corrupt: its name promises another SHA-256 than " + digests.sha256();
      case UNKNOWN ->
          name + ": unknown file, SHA-256 " + digests.sha256() + ", MD5 " + digests.md5();
    };
  }
}

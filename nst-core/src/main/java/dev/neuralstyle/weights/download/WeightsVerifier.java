package dev.neuralstyle.weights.download;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a weights file on disk: computes its SHA-256 and MD5 and compares them with the catalog,
 * first by file name, then by content, then with the SHA-256 prefix that torch hub style names
 * carry ({@code vgg16_features-amdegroot-88682ab5.pth}).
 */
public final class WeightsVerifier {
  // torch hub takes the first "-<hex>." in the name; require at least 8 digits, as it publishes.
  private static final Pattern NAME_HASH = Pattern.compile("-([0-9a-f]{8,64})\\.");

  private WeightsVerifier() {}

  /** Verifies {@code file} against {@link WeightsCatalog#all()}. */
  public static VerificationResult verify(Path file) {
    return verify(file, WeightsCatalog.all());
  }

  /**
   * Verifies {@code file} against the given entries.
   *
   * @throws NstException if the file cannot be read
   */
  public static VerificationResult verify(Path file, Collection<CatalogEntry> catalog) {
    FileDigests digests;
    try {
      digests = Hasher.of(file);
    } catch (IOException e) {
      throw new NstException("cannot read " + file + " to verify it: " + Transfer.describe(e), e);
    } catch (NstException e) {
      // Not a regular file (missing, a FIFO, a directory): the same "cannot read" shape.
      throw new NstException("cannot read " + file + " to verify it: " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    Optional<CatalogEntry> byName =
        catalog.stream().filter(e -> e.fileName().equals(name)).findFirst();
    if (byName.isPresent()) {
      boolean ok = byName.get().integrity().matches(digests);
      VerificationStatus status =
          ok ? VerificationStatus.CATALOG_MATCH : VerificationStatus.CORRUPT;
      return new VerificationResult(file, digests, status, byName);
    }
    Optional<CatalogEntry> byContent =
        catalog.stream().filter(e -> e.integrity().matches(digests)).findFirst();
    if (byContent.isPresent()) {
      return new VerificationResult(
          file, digests, VerificationStatus.RENAMED_CATALOG_MATCH, byContent);
    }
    Matcher m = NAME_HASH.matcher(name);
    if (m.find()) {
      VerificationStatus status =
          digests.sha256().startsWith(m.group(1))
              ? VerificationStatus.NAME_HASH_MATCH
              : VerificationStatus.NAME_HASH_MISMATCH;
      return new VerificationResult(file, digests, status, Optional.empty());
    }
    return new VerificationResult(file, digests, VerificationStatus.UNKNOWN, Optional.empty());
  }
}

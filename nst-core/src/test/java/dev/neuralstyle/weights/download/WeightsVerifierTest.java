package dev.neuralstyle.weights.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsVerifierTest {
  private static final byte[] PAYLOAD = WeightsDownloaderTest.payload(5_000, 7);

  @TempDir Path dir;

  @Test
  void catalog_name_with_matching_content_is_verified() throws Exception {
    Path file = Files.write(dir.resolve("tiny-weights.h5"), PAYLOAD);
    FileDigests d = Hasher.of(file);
    List<CatalogEntry> catalog = List.of(entry(Integrity.ofMd5(d.md5(), PAYLOAD.length)));

    VerificationResult r = WeightsVerifier.verify(file, catalog);

    assertEquals(VerificationStatus.CATALOG_MATCH, r.status());
    assertEquals(d, r.digests());
    assertEquals("tiny", r.entry().orElseThrow().id());
    assertTrue(r.verified());
  }

  @Test
  void catalog_name_with_other_content_is_corrupt() throws Exception {
    Path file = Files.write(dir.resolve("tiny-weights.h5"), PAYLOAD);
    List<CatalogEntry> catalog = List.of(entry(Integrity.ofSha256Prefix("00000000")));

    VerificationResult r = WeightsVerifier.verify(file, catalog);

    assertEquals(VerificationStatus.CORRUPT, r.status());
    assertFalse(r.verified());
    assertTrue(r.describe().contains("expected SHA-256 starting with 00000000"), r.describe());
  }

  @Test
  void renamed_copy_is_recognised_by_content() throws Exception {
    Path file = Files.write(dir.resolve("my-copy.bin"), PAYLOAD);
    String md5 = Hasher.of(file).md5();

    VerificationResult r = WeightsVerifier.verify(file, List.of(entry(Integrity.ofMd5(md5, -1))));

    assertEquals(VerificationStatus.RENAMED_CATALOG_MATCH, r.status());
  }

  @Test
  void torch_hub_style_name_is_checked_against_its_own_prefix() throws Exception {
    Path probe = Files.write(dir.resolve("probe"), PAYLOAD);
    String prefix = Hasher.of(probe).sha256().substring(0, 8);
    Path good = Files.write(dir.resolve("net-" + prefix + ".pth"), PAYLOAD);
    Path bad = Files.write(dir.resolve("net-12345678.pth"), PAYLOAD);

    assertEquals(VerificationStatus.NAME_HASH_MATCH, WeightsVerifier.verify(good).status());
    assertEquals(VerificationStatus.NAME_HASH_MISMATCH, WeightsVerifier.verify(bad).status());
    assertEquals(VerificationStatus.UNKNOWN, WeightsVerifier.verify(probe).status());
  }

  @Test
  void unreadable_file_is_a_clear_error() {
    NstException e =
        assertThrows(NstException.class, () -> WeightsVerifier.verify(dir.resolve("missing.pth")));
    assertTrue(e.getMessage().contains("missing.pth"), e.getMessage());
  }

  private static CatalogEntry entry(Integrity integrity) {
    return WeightsDownloaderTest.entry(integrity, URI.create("http://127.0.0.1:1/tiny-weights.h5"));
  }
}

package dev.neuralstyle.weights.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsDownloaderTest {
  private static final String NAME = "tiny-weights.h5";
  private static final byte[] PAYLOAD = payload(300_000, 42);

  @TempDir Path cache;
  private final List<LoopbackServer> servers = new ArrayList<>();
  private final WeightsDownloader downloader =
      new WeightsDownloader(Duration.ofSeconds(2), Duration.ofSeconds(2));

  @AfterEach
  void stopServers() {
    servers.forEach(LoopbackServer::close);
  }

  @Test
  void good_download_is_verified_and_appears_without_part_file() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    RecordingListener listener = new RecordingListener();

    Path file =
        downloader.download(
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            cache,
            listener);

    assertEquals(cache.resolve(NAME), file);
    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
    assertEquals(List.of(PAYLOAD.length + "/0"), listener.started);
    assertEquals(PAYLOAD.length, listener.lastProgress);
    assertEquals(file, listener.finished);
  }

  @Test
  void sha256_prefix_integrity_is_checked() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    String prefix = Hasher.of(write(PAYLOAD)).sha256().substring(0, 8);

    Path file =
        downloader.download(
            entry(Integrity.ofSha256Prefix(prefix), server.url(NAME)),
            cache,
            DownloadListener.NONE);

    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void corrupted_body_is_a_digest_mismatch_and_leaves_no_file() throws Exception {
    byte[] corrupt = PAYLOAD.clone();
    corrupt[1234] ^= 1;
    LoopbackServer server = serve(corrupt, LoopbackServer.Mode.NORMAL);
    String md5 = md5(PAYLOAD);

    NstException e =
        refused(
            downloader,
            entry(Integrity.ofMd5(md5, PAYLOAD.length), server.url(NAME)),
            DownloadListener.NONE);

    assertTrue(e.getMessage().contains(NAME), e.getMessage());
    assertTrue(e.getMessage().contains("expected MD5 " + md5), e.getMessage());
    assertTrue(e.getMessage().contains("got MD5 " + md5(corrupt)), e.getMessage());
    assertFalse(Files.exists(cache.resolve(NAME)));
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
  }

  @Test
  void truncated_transfer_keeps_part_and_the_next_call_resumes_with_range() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.TRUNCATE_ONCE);
    CatalogEntry entry = entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME));
    Path part = cache.resolve(NAME + ".part");

    NstException e =
        assertThrows(
            NstException.class, () -> downloader.download(entry, cache, DownloadListener.NONE));

    assertTrue(e.getMessage().contains("run the same command again to resume"), e.getMessage());
    assertTrue(e.getMessage().contains("of 300,000 bytes"), e.getMessage());
    long kept = Files.size(part);
    assertTrue(kept > 0 && kept < PAYLOAD.length, "kept " + kept);
    assertFalse(Files.exists(cache.resolve(NAME)));

    RecordingListener listener = new RecordingListener();
    Path file = downloader.download(entry, cache, listener);

    assertEquals("bytes=" + kept + "-", server.ranges().get(1));
    assertEquals(List.of(PAYLOAD.length + "/" + kept), listener.started);
    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
    assertFalse(Files.exists(part));
  }

  @Test
  void stalled_transfer_times_out_and_keeps_part() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.STALL);
    WeightsDownloader impatient =
        new WeightsDownloader(Duration.ofSeconds(2), Duration.ofMillis(300));

    NstException e =
        refused(
            impatient,
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            DownloadListener.NONE);

    assertTrue(e.getMessage().contains("no data received for 300 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("again to resume"), e.getMessage());
    assertTrue(Files.size(cache.resolve(NAME + ".part")) > 0);
  }

  @Test
  void server_ignoring_range_restarts_from_zero() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.IGNORE_RANGE);
    Files.write(cache.resolve(NAME + ".part"), new byte[] {9, 9, 9, 9, 9}); // wrong prefix

    Path file =
        downloader.download(
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            cache,
            DownloadListener.NONE);

    assertEquals(List.of("bytes=5-"), server.ranges());
    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
  }

  @Test
  void complete_part_file_answered_with_416_is_verified_and_renamed() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    Files.write(cache.resolve(NAME + ".part"), PAYLOAD);
    CatalogEntry entry =
        entry(
            Integrity.ofSha256Prefix(
                Hasher.of(cache.resolve(NAME + ".part")).sha256().substring(0, 8)),
            server.url(NAME));

    Path file = downloader.download(entry, cache, DownloadListener.NONE);

    assertEquals(List.of("bytes=" + PAYLOAD.length + "-"), server.ranges());
    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
  }

  @Test
  void not_found_names_the_url_and_status() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NOT_FOUND);
    URI url = server.url(NAME);

    NstException e =
        refused(downloader, entry(Integrity.ofMd5(md5(PAYLOAD), -1), url), DownloadListener.NONE);

    assertTrue(e.getMessage().contains(url + ": HTTP 404"), e.getMessage());
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
  }

  @Test
  void falls_back_to_mirrors_in_order() throws Exception {
    URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/models/" + NAME);
    LoopbackServer missing = serve(PAYLOAD, LoopbackServer.Mode.NOT_FOUND);
    LoopbackServer good = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    RecordingListener listener = new RecordingListener();
    CatalogEntry entry =
        entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), refused)
            .withUrls(List.of(refused, missing.url(NAME), good.url(NAME)));

    Path file = downloader.download(entry, cache, listener);

    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
    assertEquals(List.of(refused, missing.url(NAME)), listener.failedUrls);
    assertEquals(1, good.requestCount());
  }

  @Test
  void existing_final_file_is_hashed_and_returned_without_network() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    Files.write(cache.resolve(NAME), PAYLOAD);
    RecordingListener listener = new RecordingListener();

    downloader.download(
        entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)), cache, listener);

    assertEquals(0, server.requestCount());
    assertEquals(List.of("true"), listener.cachedChecks);
  }

  @Test
  void endless_body_of_unpublished_size_stops_at_the_bound_and_leaves_no_file() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.ENDLESS);
    WeightsDownloader bounded =
        new WeightsDownloader(Duration.ofSeconds(2), Duration.ofSeconds(2), 1_000_000);
    RecordingListener listener = new RecordingListener();

    NstException e =
        refused(bounded, entry(Integrity.ofMd5(md5(PAYLOAD), -1), server.url(NAME)), listener);

    assertTrue(
        e.getMessage()
            .contains(
                "is longer than 1,000,000 bytes, the most accepted for a file of unpublished"),
        e.getMessage());
    assertTrue(e.getMessage().contains("partial file deleted"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(listener.lastProgress <= 1_000_000, "kept " + listener.lastProgress);
    assertEquals(List.of("-1/0"), listener.started);
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
    assertFalse(Files.exists(cache.resolve(NAME)));
  }

  @Test
  void endless_body_of_a_published_size_stops_at_that_size() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.ENDLESS);

    NstException e =
        refused(
            downloader,
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            DownloadListener.NONE);

    assertTrue(e.getMessage().contains("longer than the 300,000 bytes announced"), e.getMessage());
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
    assertFalse(Files.exists(cache.resolve(NAME)));
  }

  @Test
  void absurd_content_length_is_refused_before_anything_is_written() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.HUGE_LENGTH);
    RecordingListener listener = new RecordingListener();

    NstException e =
        refused(downloader, entry(Integrity.ofMd5(md5(PAYLOAD), -1), server.url(NAME)), listener);

    assertTrue(
        e.getMessage().contains("announces 1,000,000,000,000,000 bytes; at most 2,147,483,648"),
        e.getMessage());
    assertEquals(List.of(), listener.started);
    assertEquals(-1, listener.lastProgress);
    assertFalse(Files.exists(cache.resolve(NAME + ".part")));
  }

  @Test
  void absurd_content_length_keeps_a_resumable_part_file_untouched() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.HUGE_LENGTH);
    Path part = Files.write(cache.resolve(NAME + ".part"), new byte[] {1, 2, 3, 4});

    NstException e =
        refused(
            downloader,
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            DownloadListener.NONE);

    assertTrue(
        e.getMessage().contains("serves 1,000,000,000,000,000 bytes but " + NAME + " has 300,000"),
        e.getMessage());
    assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(part));
  }

  @Test
  void corrupt_cached_file_is_reported_deleted_and_downloaded_again() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NORMAL);
    byte[] damaged = PAYLOAD.clone();
    damaged[77] ^= 1;
    Files.write(cache.resolve(NAME), damaged);
    RecordingListener listener = new RecordingListener();

    Path file =
        downloader.download(
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            cache,
            listener);

    assertEquals(List.of("false"), listener.cachedChecks);
    assertEquals(1, server.requestCount());
    assertArrayEquals(PAYLOAD, Files.readAllBytes(file));
  }

  @Test
  void cached_file_of_the_wrong_size_is_not_kept_when_the_download_fails() throws Exception {
    LoopbackServer server = serve(PAYLOAD, LoopbackServer.Mode.NOT_FOUND);
    Files.write(cache.resolve(NAME), new byte[1000]);

    NstException e =
        refused(
            downloader,
            entry(Integrity.ofMd5(md5(PAYLOAD), PAYLOAD.length), server.url(NAME)),
            DownloadListener.NONE);

    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertTrue(
        e.getMessage().contains("the cached copy did not match the catalog and was deleted"),
        e.getMessage());
    assertFalse(Files.exists(cache.resolve(NAME)));
  }

  private NstException refused(WeightsDownloader d, CatalogEntry entry, DownloadListener listener) {
    return assertThrows(NstException.class, () -> d.download(entry, cache, listener));
  }

  private LoopbackServer serve(byte[] body, LoopbackServer.Mode mode) throws IOException {
    LoopbackServer server = new LoopbackServer(body, mode);
    servers.add(server);
    return server;
  }

  private Path write(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(cache, "payload", ".bin"), bytes);
  }

  private String md5(byte[] bytes) throws IOException {
    Path file = write(bytes);
    try {
      return Hasher.of(file).md5();
    } finally {
      Files.delete(file);
    }
  }

  static CatalogEntry entry(Integrity integrity, URI url) {
    return new CatalogEntry(
        "tiny",
        VggModel.VGG19,
        Preprocessing.CAFFE,
        NAME,
        List.of(url),
        integrity,
        "test payload",
        "none");
  }

  static byte[] payload(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static final class RecordingListener implements DownloadListener {
    final List<String> started = new ArrayList<>();
    final List<URI> failedUrls = new ArrayList<>();
    final List<String> cachedChecks = new ArrayList<>();
    long lastProgress = -1;
    Path finished;

    @Override
    public void started(long totalBytes, long resumedFrom) {
      started.add(totalBytes + "/" + resumedFrom);
    }

    @Override
    public void progress(long bytesSoFar, long totalBytes) {
      lastProgress = bytesSoFar;
    }

    @Override
    public void cachedCopyChecked(Path file, boolean intact) {
      cachedChecks.add(Boolean.toString(intact));
    }

    @Override
    public void urlFailed(URI url, String reason) {
      failedUrls.add(url);
    }

    @Override
    public void finished(Path file) {
      finished = file;
    }
  }
}

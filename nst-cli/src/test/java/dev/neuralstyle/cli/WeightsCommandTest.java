package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.neuralstyle.testkit.TinyWeightFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weights download|verify|info|list}, downloads against a loopback HTTP server. */
class WeightsCommandTest {
  private static final String FILE = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  @TempDir Path dir;
  private HttpServer server;
  private final byte[] body = new byte[300_000];
  private final AtomicBoolean truncate = new AtomicBoolean();
  private String url;

  @BeforeEach
  void start() throws IOException {
    new Random(3).nextBytes(body);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/" + FILE, this::serve);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + FILE;
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void download_fetches_verifies_and_names_the_file() throws IOException {
    Path cache = dir.resolve("cache");
    Cli.Result r = download(cache, sha256(body));
    assertEquals(0, r.exitCode(), r::toString);
    Path file = cache.resolve(FILE);
    assertEquals(file.toAbsolutePath().normalize().toString(), r.out().trim());
    assertArrayEquals(body, Files.readAllBytes(file));
    assertTrue(r.err().contains("verified: SHA-256 " + sha256(body)), r::toString);
    assertFalse(Files.exists(cache.resolve(FILE + ".part")));

    Cli.Result list = Cli.run("weights", "list", "--cache-dir", cache.toString());
    assertEquals(0, list.exitCode(), list::toString);
    // Not the official file (the test overrode the digest), so its size gives it away.
    assertTrue(
        list.out().lines().anyMatch(l -> l.startsWith("wrong-size") && l.contains(FILE)),
        list::toString);
  }

  @Test
  void corrupt_download_is_deleted_and_fails() {
    Path cache = dir.resolve("cache");
    Cli.Result r = download(cache, sha256(new byte[] {1, 2, 3}));
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("is corrupt")),
        r::toString);
    assertFalse(Files.exists(cache.resolve(FILE)));
    assertFalse(Files.exists(cache.resolve(FILE + ".part")));
  }

  @Test
  void truncated_download_keeps_the_part_file_and_the_next_run_resumes() throws IOException {
    Path cache = dir.resolve("cache");
    truncate.set(true);
    Cli.Result first = download(cache, sha256(body));
    assertEquals(1, first.exitCode(), first::toString);
    assertTrue(first.err().lines().anyMatch(l -> l.startsWith("error: ")), first::toString);
    assertFalse(Files.exists(cache.resolve(FILE)));
    long partial = Files.size(cache.resolve(FILE + ".part"));
    assertTrue(partial > 0 && partial < body.length, "part file of " + partial + " bytes");

    truncate.set(false);
    Cli.Result second = download(cache, sha256(body));
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.err().contains("resuming at"), second::toString);
    assertArrayEquals(body, Files.readAllBytes(cache.resolve(FILE)));
  }

  @Test
  void a_cached_file_is_hashed_before_it_is_called_verified() throws IOException {
    Path cache = dir.resolve("cache");
    Files.createDirectories(cache);
    Files.write(cache.resolve(FILE), body);
    Cli.Result intact = download(cache, sha256(body));
    assertEquals(0, intact.exitCode(), intact::toString);
    assertTrue(intact.err().contains("already in the cache: "), intact::toString);
    assertTrue(intact.err().contains("(hashed, matches the catalog)"), intact::toString);
    assertFalse(intact.err().contains("downloading"), intact::toString);

    byte[] damaged = body.clone();
    damaged[12_345] ^= 1;
    Files.write(cache.resolve(FILE), damaged);
    Cli.Result repaired = download(cache, sha256(body));
    assertEquals(0, repaired.exitCode(), repaired::toString);
    assertTrue(
        repaired.err().contains("does not match the catalog (damaged or replaced); deleting it"),
        repaired::toString);
    assertTrue(repaired.err().contains("downloading 0.3 MB"), repaired::toString);
    assertArrayEquals(body, Files.readAllBytes(cache.resolve(FILE)));
  }

  @Test
  void verify_reports_a_corrupt_catalog_file_and_an_unknown_file() throws IOException {
    Path fake = Files.write(dir.resolve(FILE), body);
    Cli.Result corrupt = Cli.run("weights", "verify", fake.toString());
    assertEquals(1, corrupt.exitCode(), corrupt::toString);
    assertTrue(corrupt.out().startsWith(FILE + ": corrupt: expected MD5"), corrupt::toString);

    Path unknown = Files.write(dir.resolve("mine.bin"), body);
    Cli.Result r = Cli.run("weights", "verify", unknown.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.out().contains("unknown file, SHA-256 " + sha256(body)), r::toString);

    Cli.Result missing = Cli.run("weights", "verify", dir.resolve("gone.pth").toString());
    assertEquals(1, missing.exitCode(), missing::toString);
    assertTrue(missing.err().startsWith("error: cannot read "), missing::toString);
  }

  @Test
  void info_shows_format_model_layers_and_counts() throws IOException {
    Path tiny =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 5), Map.of());
    Cli.Result r = Cli.run("weights", "info", tiny.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("format:      SAFETENSORS"), r::toString);
    assertTrue(r.out().contains("conv1_1, conv1_2"), r::toString);
    assertTrue(r.out().contains("tensors:     4"), r::toString);
    assertTrue(r.out().contains("parameters:  38,720"), r::toString);
  }

  @Test
  void info_on_a_non_weights_file_is_one_error_line() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.pth"), "hello");
    Cli.Result r = Cli.run("weights", "info", text.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void download_of_an_unknown_model_is_a_usage_error() {
    Cli.Result r = Cli.run("weights", "download", "vgg11");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("unknown model 'vgg11'"), r::toString);
  }

  private Cli.Result download(Path cache, String sha256) {
    return Cli.run(
        "weights",
        "download",
        "vgg19",
        "--cache-dir",
        cache.toString(),
        "--url",
        url,
        "--sha256",
        sha256);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      int from = 0;
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (m != null && m.matches()) {
        from = Integer.parseInt(m.group(1));
        exchange
            .getResponseHeaders()
            .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        exchange.sendResponseHeaders(206, body.length - from);
      } else {
        exchange.sendResponseHeaders(200, body.length);
      }
      OutputStream out = exchange.getResponseBody();
      int end = truncate.get() ? body.length / 2 : body.length;
      out.write(body, from, end - from);
      out.flush();
      // When truncating, closing with bytes missing drops the connection mid-body.
    } catch (IOException e) {
      // "insufficient bytes written": the client saw a short body, the point of the truncation
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neuralstyle.testkit.AdversarialTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web half of the adversarial suite (issue 15): one row per hostile request, each answered with
 * the expected status and a one-line JSON error (never a text/plain trace), within a bounded time,
 * and leaving no job and no job directory behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialWebTest {
  private static final String B = "adv0boundary";

  @TempDir static Path dir;
  private WebServer server;
  private int port;

  /** One hostile request and what it must get. */
  record Case(String finding, String name, String head, byte[] body, int status, String field) {}

  private final AdversarialTable table = new AdversarialTable();

  @BeforeAll
  void start() throws Exception {
    WebSettings s = Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir));
    s =
        new WebSettings(s.host(), 0, s.dataDir(), s.weights(), 2, 200_000, 200_000, 256, "test")
            .withJobLimits(256, 1000, 2L << 30);
    server = WebServer.start(s);
    port = server.port();
  }

  @AfterAll
  void stop() {
    server.close();
    table.write("adversarial-web");
  }

  private String host() {
    return "Host: 127.0.0.1:" + port;
  }

  private String post(String path, String... headers) {
    return "POST " + path + " HTTP/1.1\r\n" + host() + "\r\n" + String.join("\r\n", headers);
  }

  private static byte[] job(Map<String, String> extra) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(Fixtures.quick(2));
    fields.putAll(extra);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("content", Fixtures.png(64, 48, 0));
    files.put("style", Fixtures.png(32, 32, 1));
    return RawHttp.multipart(B, fields, files);
  }

  private String multipartHead(byte[] body, String... more) {
    List<String> h = new ArrayList<>(List.of(more));
    h.add("Content-Type: multipart/form-data; boundary=" + B);
    h.add("Content-Length: " + body.length);
    return post("/api/jobs", h.toArray(String[]::new));
  }

  private Case field(String finding, String name, String key, String value, String field)
      throws IOException {
    byte[] body = job(Map.of(key, value));
    return new Case(finding, name, multipartHead(body), body, 400, field);
  }

  List<Case> cases() throws IOException {
    List<Case> c = new ArrayList<>();
    byte[] ok = job(Map.of());
    // 1: no other page can drive the server
    c.add(
        new Case(
            "1",
            "cross-origin POST",
            multipartHead(ok, "Origin: http://evil.example"),
            ok,
            403,
            null));
    c.add(
        new Case(
            "1",
            "Sec-Fetch-Site cross-site",
            multipartHead(ok, "Sec-Fetch-Site: cross-site"),
            ok,
            403,
            null));
    c.add(
        new Case(
            "1",
            "Origin on another port",
            multipartHead(ok, "Origin: http://127.0.0.1:" + (port + 1)),
            ok,
            403,
            null));
    c.add(
        new Case(
            "1",
            "DNS rebinding: foreign Host",
            "GET /api/jobs HTTP/1.1\r\nHost: evil.example:" + port,
            new byte[0],
            403,
            null));
    c.add(new Case("1", "no Host", "GET /api/jobs HTTP/1.0", new byte[0], 403, null));
    c.add(
        new Case(
            "1",
            "cross-origin DELETE",
            "DELETE /api/jobs/0123456789abcdef HTTP/1.1\r\n"
                + host()
                + "\r\nOrigin: https://evil.example",
            new byte[0],
            403,
            null));
    // 2: every size-like setting bounded by what the server can hold
    c.add(field("2", "style-scale 1e9", "style-scale", "1e9", "style-scale"));
    c.add(field("2", "style-size 16384", "style-size", "16384", "style-size"));
    c.add(field("2", "iterations 10000000", "iterations", "10000000", "iterations"));
    c.add(field("2", "size 16384", "size", "16384", "size"));
    c.add(field("2", "size over the server cap", "size", "300", "size"));
    // 7: multipart failures are JSON 400/413
    byte[] big = new byte[5_000_000];
    c.add(new Case("7", "upload over the limit", multipartHead(big), big, 413, null));
    Map<String, byte[]> bigFile = new LinkedHashMap<>();
    bigFile.put("content", new byte[400_000]);
    byte[] oneBig = RawHttp.multipart(B, Fixtures.quick(2), bigFile);
    c.add(new Case("7", "one image over the limit", multipartHead(oneBig), oneBig, 413, null));
    byte[] truncated = java.util.Arrays.copyOf(ok, ok.length / 2);
    c.add(
        new Case(
            "7",
            "truncated multipart",
            post(
                "/api/jobs",
                "Content-Type: multipart/form-data; boundary=" + B,
                "Content-Length: " + truncated.length),
            truncated,
            400,
            null));
    byte[] garbage = "this is not multipart at all\r\n".getBytes(StandardCharsets.UTF_8);
    c.add(
        new Case(
            "7",
            "malformed multipart",
            post(
                "/api/jobs",
                "Content-Type: multipart/form-data; boundary=" + B,
                "Content-Length: " + garbage.length),
            garbage,
            400,
            null));
    c.add(
        new Case(
            "7",
            "missing boundary",
            post("/api/jobs", "Content-Type: multipart/form-data", "Content-Length: " + ok.length),
            ok,
            400,
            null));
    c.add(
        new Case(
            "7",
            "not multipart",
            post("/api/jobs", "Content-Type: application/json", "Content-Length: 2"),
            "{}".getBytes(StandardCharsets.UTF_8),
            400,
            null));
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      many.put("f" + i, "1");
    }
    byte[] manyFields = RawHttp.multipart(B, many, Map.of());
    c.add(new Case("7", "20,000 fields", multipartHead(manyFields), manyFields, 400, null));
    c.add(
        new Case(
            "7",
            "Content-Length 10^15",
            post(
                "/api/jobs",
                "Content-Type: multipart/form-data; boundary=" + B,
                "Content-Length: 1000000000000000"),
            ok,
            413,
            null));
    // 11: empty layer lists
    c.add(field("11", "style-layers ','", "styleLayers", ",", "style-layers"));
    c.add(field("11", "content-layers ','", "content-layers", " , ", "content-layers"));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> every_hostile_request_gets_a_clean_json_answer() throws IOException {
    return cases().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    "finding " + k.finding() + ": " + k.name(),
                    () ->
                        table.row(
                            k.finding(),
                            k.name(),
                            () ->
                                assertTimeoutPreemptively(
                                    Duration.ofSeconds(20), () -> check(k), k.name()))));
  }

  private void check(Case k) throws Exception {
    int jobsBefore = server.queue().list().size();
    long dirsBefore = jobDirs();
    RawHttp.Response r = RawHttp.send(port, k.head(), k.body());
    assertEquals(k.status(), r.status(), k.name() + ": " + r.body());
    assertTrue(r.contentType().startsWith("application/json"), k.name() + ": " + r.headers());
    JsonNode error = ApiClient.JSON.readTree(r.body());
    String message = error.path("error").asText();
    assertTrue(message.length() > 5, k.name() + ": " + r.body());
    assertFalse(message.contains("\n"), k.name() + ": " + message);
    assertFalse(message.contains("Exception"), k.name() + ": " + message);
    assertFalse(message.contains(dir.toString()), k.name() + ": " + message);
    if (k.field() != null) {
      assertEquals(k.field(), error.path("field").asText(), k.name() + ": " + r.body());
    }
    assertEquals(jobsBefore, server.queue().list().size(), k.name() + ": a job was queued");
    assertEquals(dirsBefore, jobDirs(), k.name() + ": a job directory was left behind");
  }

  private static long jobDirs() throws IOException {
    try (Stream<Path> left = Files.list(dir.resolve("data").resolve("jobs"))) {
      return left.count();
    }
  }

  /**
   * Finding 19, a row of the table too: the page's own POST (same origin) is accepted, and the
   * finished job's {@code run.json} names no server path (data directory, weights) and no versions.
   */
  @Test
  void the_page_itself_may_post_and_run_json_shows_no_server_paths_or_versions() throws Throwable {
    table.row(
        "19",
        "run.json without server paths or versions",
        () -> {
          byte[] body = job(Map.of());
          RawHttp.Response r =
              RawHttp.send(
                  port,
                  multipartHead(
                      body, "Origin: http://127.0.0.1:" + port, "Sec-Fetch-Site: same-origin"),
                  body);
          assertEquals(201, r.status(), r.body());
          String id = ApiClient.JSON.readTree(r.body()).get("id").asText();
          ApiClient api = new ApiClient(port);
          api.await(id, "done", 120);
          String record = api.get("/api/jobs/" + id + "/files/run.json").body();
          assertFalse(record.contains(dir.toString()), record);
          assertFalse(record.contains("\"versions\""), record);
          assertTrue(record.contains("content.png"), record);
        });
  }
}

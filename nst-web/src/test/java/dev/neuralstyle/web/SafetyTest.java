package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neuralstyle.transfer.DeviceSpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad uploads and fields answer 400 naming the field; traversal 404; a full queue 429. */
class SafetyTest {
  @TempDir Path dir;
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    WebSettings s = Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir));
    s =
        new WebSettings(s.host(), 0, s.dataDir(), s.weights(), 1, 200_000, 20_000, 256, "test")
            .withMaxIterations(1_000_000);
    server = WebServer.start(s);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void assertRejected(String field, Map<String, String> fields, List<ApiClient.Part> parts)
      throws Exception {
    HttpResponse<String> r = api.post(fields, parts);
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = ApiClient.JSON.readTree(r.body());
    assertEquals(field, error.get("field").asText(), r.body());
    assertTrue(error.get("error").asText().length() > 5, r.body());
  }

  private static List<ApiClient.Part> images() {
    return List.of(
        new ApiClient.Part("content", "c.png", Fixtures.png(64, 48, 0)),
        new ApiClient.Part("style", "s.png", Fixtures.png(32, 32, 1)));
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(Fixtures.quick(10));
    m.put(name, value);
    return m;
  }

  @Test
  void bad_uploads_and_fields_answer_400_naming_the_field_and_leave_nothing_behind()
      throws Exception {
    byte[] text = "#!/bin/sh\necho not an image\n".getBytes(StandardCharsets.UTF_8);
    assertRejected(
        "content",
        Fixtures.quick(10),
        List.of(
            new ApiClient.Part("content", "photo.png", text),
            new ApiClient.Part("style", "s.png", Fixtures.png(32, 32, 1))));
    assertRejected(
        "style",
        Fixtures.quick(10),
        List.of(
            new ApiClient.Part("content", "c.png", Fixtures.png(64, 48, 0)),
            new ApiClient.Part("style", "s.jpg", text)));
    assertRejected("style", Fixtures.quick(10), List.of(images().get(0)));
    assertRejected("content", Fixtures.quick(10), List.of(images().get(1)));
    assertRejected(
        "content",
        Fixtures.quick(10),
        List.of(
            new ApiClient.Part("content", "big.png", Fixtures.png(200, 150, 0)), images().get(1)));
    assertRejected("size", with("size", "abc"), images());
    assertRejected("size", with("size", "4096"), images());
    assertRejected("tv-weight", with("tv-weight", "-1"), images());
    assertRejected("iterations", with("iterations", "0"), images());
    assertRejected("optimizer", with("optimizer", "sgd"), images());
    assertRejected("device", with("device", "tpu"), images());
    assertRejected("init", with("init", "/etc/passwd"), images());
    assertRejected("weights", with("weights", "/etc/passwd"), images());
    assertRejected("content-layers", with("content-layers", "relu5_1"), images());
    assertRejected("preset", with("preset", "hvass"), images());
    assertRejected("from", with("from", "0123456789abcdef"), List.of());
    try (Stream<Path> jobs = Files.list(dir.resolve("data/jobs"))) {
      assertEquals(0, jobs.count(), "rejected jobs leave no directory");
    }
  }

  @Test
  void a_gpu_the_server_lacks_answers_400_naming_the_field() throws Exception {
    Assumptions.assumeFalse(DeviceSpec.auto().resolve().isGpu(), "this machine has a GPU");
    HttpResponse<String> r = api.post(with("device", "gpu"), images());
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = ApiClient.JSON.readTree(r.body());
    assertEquals("device", error.get("field").asText(), r.body());
    assertTrue(error.get("error").asText().contains("this server has no gpu"), r.body());
    try (Stream<Path> jobs = Files.list(dir.resolve("data/jobs"))) {
      assertEquals(0, jobs.count(), "a rejected job leaves no directory");
    }
  }

  @Test
  void every_bad_field_is_reported_at_once_and_fp16_on_a_cpu_is_refused_at_submit()
      throws Exception {
    Map<String, String> fields = with("size", "abc");
    fields.put("content-weight", "lots");
    fields.put("styleLayers", "relu1_1,relu5_1");
    HttpResponse<String> r = api.post(fields, List.of(images().get(1)));
    assertEquals(400, r.statusCode(), r.body());
    Map<String, String> errors = new LinkedHashMap<>();
    ApiClient.JSON
        .readTree(r.body())
        .get("errors")
        .forEach(e -> errors.put(e.get("field").asText(), e.get("error").asText()));
    assertEquals(
        Set.of("content", "size", "content-weight", "style-layers"), errors.keySet(), r.body());
    assertEquals("not a number, found 'lots'", errors.get("content-weight"));
    assertTrue(errors.get("style-layers").contains("relu5_1"), r.body());
    assertTrue(errors.values().stream().noneMatch(e -> e.contains("--")), "no CLI wording");

    // Presets the server's (partial) weights cannot run are offered as unavailable, with why.
    var defaults = ApiClient.JSON.readTree(api.get("/api/defaults").body());
    assertTrue(
        defaults.at("/unavailable/preset/gatys").asText().contains("relu4_2"), defaults.toString());
    assertTrue(defaults.at("/unavailable/preset").has("hvass"), defaults.toString());
    assertEquals("relu4_2", defaults.at("/server/fullLayers/content").asText());

    Assumptions.assumeFalse(DeviceSpec.auto().resolve().isGpu(), "this machine has a GPU");
    assertRejected("precision", with("precision", "fp16"), images());
    assertTrue(
        ApiClient.JSON
            .readTree(api.get("/api/defaults").body())
            .at("/unavailable/precision")
            .has("fp16"));
  }

  @Test
  void file_routes_refuse_traversal_and_unknown_names_with_404() throws Exception {
    String id = api.create(Fixtures.quick(3));
    api.await(id, "done", 60);
    Files.writeString(dir.resolve("data/secret.json"), "{}");
    for (String path :
        List.of(
            "/api/jobs/" + id + "/files/..%2F..%2Fsecret.json",
            "/api/jobs/" + id + "/files/%2e%2e%2f%2e%2e%2fsecret.json",
            "/api/jobs/" + id + "/files/..%5C..%5Csecret.json",
            "/api/jobs/" + id + "/files/.%2Frun.json",
            "/api/jobs/" + id + "/files/RUN.JSON",
            "/api/jobs/" + id + "/files/jobs.db",
            "/api/jobs/..%2F..%2Fsecret.json/result",
            "/api/jobs/" + id + "%2F..%2F..%2Fsecret.json/result",
            "/api/jobs/not-a-job/result",
            "/api/jobs/0123456789abcdef/files/run.json")) {
      HttpResponse<String> r = api.get(path);
      assertEquals(404, r.statusCode(), path + " -> " + r.body());
    }
    assertEquals(200, api.get("/api/jobs/" + id + "/files/run.json").statusCode());
  }

  @Test
  void a_full_queue_answers_429_and_a_queued_job_knows_its_position() throws Exception {
    String running = api.create(Fixtures.quick(100_000));
    api.await(running, "running", 30);
    String queued = api.create(Fixtures.quick(10));
    assertEquals(1, api.job(queued).get("position").asInt());

    HttpResponse<String> full = api.post(Fixtures.quick(10), images());

    assertEquals(429, full.statusCode(), full.body());
    assertTrue(
        ApiClient.JSON.readTree(full.body()).get("error").asText().contains("queue is full"));
    assertEquals(204, api.send("DELETE", "/api/jobs/" + queued).statusCode());
    assertEquals(404, api.get("/api/jobs/" + queued).statusCode(), "a job that never ran is gone");
    assertTrue(Files.notExists(dir.resolve("data/jobs/" + queued)));
    assertEquals(202, api.send("DELETE", "/api/jobs/" + running).statusCode());
    api.await(running, "cancelled", 30);
  }
}

package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job life cycle over real HTTP on a random port: create, watch, download, cancel, restart. */
class JobApiTest {
  @TempDir Path dir;

  @Test
  void a_job_streams_progress_with_snapshots_and_ends_with_its_files() throws Exception {
    try (WebServer server =
        WebServer.start(Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir)))) {
      ApiClient api = new ApiClient(server.port());
      String id = api.create(Fixtures.quick(12));

      List<JsonNode> events =
          api.events(
              id,
              e ->
                  e.at("/type").asText().equals("state")
                      && e.at("/job/state").asText().equals("done"),
              60);

      assertTrue(
          events.stream().anyMatch(e -> e.get("type").asText().equals("started")),
          events::toString);
      JsonNode snapshot =
          events.stream()
              .filter(e -> e.has("snapshot"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(events));
      assertEquals("step", snapshot.get("type").asText());
      assertTrue(snapshot.get("snapshot").asText().startsWith("data:image/png;base64,"));
      assertTrue(snapshot.at("/losses/total").isNumber(), snapshot::toString);
      // content, style and tv are the weighted terms that add up to the total; raw values too
      JsonNode l = snapshot.get("losses");
      double sum = l.get("content").asDouble() + l.get("style").asDouble() + l.get("tv").asDouble();
      assertEquals(l.get("total").asDouble(), sum, 1e-4 * l.get("total").asDouble(), l::toString);
      assertTrue(l.at("/raw/style").isNumber(), l::toString);
      JsonNode job = api.job(id);
      assertEquals("done", job.get("state").asText());
      assertEquals(12, job.get("iteration").asInt());
      assertEquals(12, job.get("iterations").asInt());
      assertEquals(0, job.get("position").asInt());
      assertTrue(job.at("/losses/style").isNumber(), job::toString);
      assertEquals("relu1_1,relu2_1", job.at("/settings/style-layers").asText());

      HttpResponse<byte[]> result = api.bytes("/api/jobs/" + id + "/result");
      assertEquals(200, result.statusCode());
      assertEquals("image/png", result.headers().firstValue("Content-Type").orElse(""));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(result.body()));
      assertEquals(48, image.getWidth());
      assertEquals(36, image.getHeight());
      for (String name :
          List.of("panel.png", "progress.gif", "loss.png", "run.json", "thumb.png")) {
        assertTrue(job.at("/files").has(name), name + " in " + job);
        assertEquals(200, api.bytes("/api/jobs/" + id + "/files/" + name).statusCode(), name);
      }
      JsonNode record =
          ApiClient.JSON.readTree(api.get("/api/jobs/" + id + "/files/run.json").body());
      assertEquals(48, record.at("/request/size").asInt());
      List<JsonNode> replay = api.events(id, e -> false, 10); // returns: the stream ends
      // A finished job's replay: its history, then its state, last, then the stream ends.
      assertEquals("history", replay.get(replay.size() - 2).at("/type").asText(), replay::toString);
      assertEquals(
          "done", replay.get(replay.size() - 1).at("/job/state").asText(), replay::toString);
    }
  }

  @Test
  void a_running_job_is_cancelled_keeps_its_image_and_can_then_be_deleted() throws Exception {
    try (WebServer server =
        WebServer.start(Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir)))) {
      ApiClient api = new ApiClient(server.port());
      String id = api.create(Fixtures.quick(100_000));
      api.events(id, e -> e.get("type").asText().equals("step"), 60);

      HttpResponse<String> cancel = api.send("DELETE", "/api/jobs/" + id);

      assertEquals(202, cancel.statusCode(), cancel.body());
      JsonNode job = api.await(id, "cancelled", 30);
      assertEquals("cancelled", job.get("stopReason").asText());
      assertTrue(job.get("iteration").asInt() < 100_000);
      assertEquals(200, api.bytes("/api/jobs/" + id + "/result").statusCode());
      assertEquals(204, api.send("DELETE", "/api/jobs/" + id).statusCode());
      assertEquals(404, api.get("/api/jobs/" + id).statusCode());
      assertTrue(Files.notExists(dir.resolve("data/jobs/" + id)));
    }
  }

  @Test
  void jobs_survive_a_restart_and_the_interrupted_one_is_failed_and_resumable() throws Exception {
    Path data = dir.resolve("data");
    Path weights = Fixtures.weights(dir);
    String done;
    String interrupted;
    try (WebServer server = WebServer.start(Fixtures.settings(data, weights))) {
      ApiClient api = new ApiClient(server.port());
      done = api.create(Fixtures.quick(5));
      api.await(done, "done", 60);
      interrupted = api.create(Fixtures.quick(100_000));
      api.events(interrupted, e -> e.get("type").asText().equals("step"), 60);
    }
    try (WebServer server = WebServer.start(Fixtures.settings(data, weights))) {
      ApiClient api = new ApiClient(server.port());
      JsonNode list = ApiClient.JSON.readTree(api.get("/api/jobs").body());
      assertEquals(2, list.size(), list::toString);
      assertEquals(interrupted, list.get(0).get("id").asText(), "newest first");
      assertEquals("done", api.job(done).get("state").asText());
      assertEquals(200, api.bytes("/api/jobs/" + done + "/result").statusCode());
      JsonNode record =
          ApiClient.JSON.readTree(api.get("/api/jobs/" + done + "/files/run.json").body());
      JsonNode history = history(api.events(done, e -> e.get("type").asText().equals("state"), 30));
      assertEquals(record.get("steps").size(), history.size(), "the whole curve, from run.json");
      JsonNode run = api.job(done).get("run");
      assertEquals(record.at("/result/width").asInt(), run.get("width").asInt(), run::toString);
      assertTrue(run.get("optimizeSeconds").asDouble() > 0, run::toString);
      JsonNode failed = api.job(interrupted);
      assertEquals("failed", failed.get("state").asText());
      assertTrue(failed.get("resumable").asBoolean());
      assertNotNull(failed.get("error").asText());

      assertEquals(202, api.send("POST", "/api/jobs/" + interrupted + "/resume").statusCode());
      api.events(interrupted, e -> e.get("type").asText().equals("step"), 60);
      assertEquals(202, api.send("DELETE", "/api/jobs/" + interrupted).statusCode());
      api.await(interrupted, "cancelled", 30);
    }
  }

  @Test
  void a_cancelled_job_resumes_from_the_image_and_iteration_it_had_reached() throws Exception {
    try (WebServer server =
        WebServer.start(Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir)))) {
      ApiClient api = new ApiClient(server.port());
      Map<String, String> settings = Fixtures.quick(400);
      settings.put("optimizer", "adam");
      settings.put("tolerance", "0"); // every one of the 400 steps, before and after the cancel
      String id = api.create(settings);
      api.events(
          id, e -> e.get("type").asText().equals("step") && e.get("iteration").asInt() >= 5, 60);
      assertEquals(202, api.send("DELETE", "/api/jobs/" + id).statusCode());
      int reached = api.await(id, "cancelled", 30).get("iteration").asInt();
      assertTrue(reached >= 5 && reached < 400, "cancelled at " + reached);
      Path jobDir = dir.resolve("data/jobs/" + id);
      JsonNode saved = ApiClient.JSON.readTree(jobDir.resolve(ResumeFiles.STATE).toFile());
      assertEquals(reached, saved.get("iteration").asInt(), "progress kept where it stopped");
      assertEquals(reached, saved.get("steps").size());
      assertTrue(Files.isRegularFile(jobDir.resolve(ResumeFiles.IMAGE)));

      assertEquals(202, api.send("POST", "/api/jobs/" + id + "/resume").statusCode());
      api.await(id, "done", 300); // 400 Adam steps: generous for a loaded machine
      JsonNode record =
          ApiClient.JSON.readTree(api.get("/api/jobs/" + id + "/files/run.json").body());
      assertEquals(400, record.at("/result/evaluations").asInt());
      JsonNode steps = record.get("steps");
      assertEquals(400, steps.size(), "one record per Adam step, before and after the cancel");
      for (int i = 0; i < steps.size(); i++) {
        assertEquals(i + 1, steps.get(i).get("iteration").asInt(), "iterations carry on");
      }
      assertTrue(Files.notExists(jobDir.resolve(ResumeFiles.STATE)), "cleared when done");
      JsonNode history = history(api.events(id, e -> e.get("type").asText().equals("state"), 30));
      assertEquals(400, history.size(), "the job view's curve spans the resume");
      assertEquals(1, history.get(0).get("iteration").asInt());
    }
  }

  /** The steps of the {@code history} event among {@code events}. */
  private static JsonNode history(List<JsonNode> events) {
    return events.stream()
        .filter(e -> e.get("type").asText().equals("history"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no history in " + events))
        .get("steps");
  }
}

package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neuralstyle.jobs.InMemoryJobStore;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.output.RunOutput;
import dev.neuralstyle.progress.StopReason;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.weights.WeightsLoader;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app factory under JavalinTest: defaults (with the outputs list), the page, unknown jobs. */
class WebAppTest {
  @TempDir Path dir;

  @Test
  void defaults_page_and_unknown_jobs() throws Exception {
    WebSettings settings = Fixtures.settings(dir, Fixtures.weights(dir));
    JobForm form = new JobForm(WeightsLoader.load(settings.weights(), null, null), 512, 1_000_000);
    JobQueue queue =
        new JobQueue(
            new InMemoryJobStore(), (job, l, c) -> StopReason.BUDGET, 2, Clock.systemUTC());
    JavalinTest.test(
        WebApp.create(queue, new JobFiles(dir.resolve("jobs")), form, settings),
        (server, client) -> {
          JsonNode defaults = ApiClient.JSON.readTree(client.get("/api/defaults").body().string());
          assertEquals(Defaults.ITERATIONS, defaults.at("/defaults/iterations").asInt());
          assertEquals(Defaults.SIZE, defaults.at("/defaults/size").asInt());
          assertEquals(Defaults.DEVICE.describe(), defaults.at("/defaults/device").asText());
          assertEquals("cpu", defaults.at("/choices/device/1").asText());
          assertEquals("gd", defaults.at("/presets/hvass/optimizer").asText());
          assertTrue(client.get("/").body().string().contains("neural-style"));
          assertEquals(404, client.get("/api/jobs/0123456789abcdef").code());
          assertEquals(404, client.get("/api/jobs/nope/events").code());
          assertEquals("[]", client.get("/api/jobs").body().string());
          JsonNode outputs = defaults.get("outputs");
          assertEquals(RunOutput.values().length, outputs.size());
          int i = 0;
          for (RunOutput o : RunOutput.values()) {
            JsonNode entry = outputs.get(i++);
            assertEquals(o.role(), entry.get("role").asText());
            assertEquals(o.jobFileName(), entry.get("file").asText());
            assertEquals(o.description(), entry.get("description").asText());
          }
        });
    queue.close();
  }

  @Test
  void job_files_are_the_outputs_list_with_its_content_types() {
    JobFiles files = new JobFiles(dir.resolve("jobs"));
    dev.neuralstyle.jobs.JobId id = new dev.neuralstyle.jobs.JobId("0123456789abcdef");
    for (RunOutput o : RunOutput.values()) {
      assertEquals(files.dir(id).resolve(o.jobFileName()), files.outputs(id).path(o), o.toString());
      assertEquals(o.contentType(), JobFiles.contentType(o.jobFileName()));
    }
    assertEquals("image/gif", JobFiles.contentType("progress.gif"));
    assertEquals("image/png", JobFiles.contentType("style-2.png"));
    assertEquals("application/json", JobFiles.contentType("resume.json"));
  }
}

package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neuralstyle.jobs.InMemoryJobStore;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.jobs.JobState;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream's memory of a job (issue 15): a client that joins a running job first gets the
 * last snapshot; once the job has finished the stream lets go of it (at 2048 px a PNG data URL of
 * megabytes that every finished job kept until it was deleted).
 */
class ProgressStreamTest {
  private static final JobId ID = new JobId("0123456789abcdef");

  @TempDir Path dir;

  @Test
  void a_running_jobs_newcomer_gets_the_last_snapshot_and_a_finished_job_lets_it_go()
      throws Exception {
    JobQueue queue =
        new JobQueue(
            new InMemoryJobStore(), (job, l, c) -> StopReason.BUDGET, 2, Clock.systemUTC());
    JobFiles files = new JobFiles(dir.resolve("jobs"));
    files.create(ID);
    ProgressStream stream = new ProgressStream(new JobViews(queue, files), List::of);
    AtomicReference<Job> job =
        new AtomicReference<>(Job.queued(ID, Map.of(), Instant.EPOCH).started());
    Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
    app.sse("/api/jobs/{id}/events", client -> stream.connect(job.get(), client));
    JavalinTest.test(
        app,
        (server, http) -> {
          ApiClient client = new ApiClient(server.port());
          LossBreakdown losses = new LossBreakdown(1, 2, 0.5, 3.5);
          stream.onState(job.get());
          stream.onProgress(job.get(), new RunStarted(10, 8, 8, 1));
          job.set(job.get().withProgress(1, 10, losses, 0.25));
          stream.onProgress(job.get(), new StepCompleted(1, 10, losses, 0.25, image()));
          assertTrue(stream.holdsSnapshot(ID), "a running job keeps its last snapshot");

          List<JsonNode> running = client.events(ID.value(), e -> isState(e), 10);
          JsonNode step = running.stream().filter(e -> e.has("snapshot")).findFirst().orElseThrow();
          assertEquals("step", step.get("type").asText(), running::toString);
          assertTrue(step.get("snapshot").asText().startsWith("data:image/png;base64,"));
          assertEquals(1, step.get("iteration").asInt(), step::toString);

          job.set(job.get().finished(JobState.DONE, StopReason.BUDGET, null, false));
          stream.onState(job.get());
          assertFalse(stream.holdsSnapshot(ID), "a finished job still holds its last snapshot");

          List<JsonNode> finished = client.events(ID.value(), e -> isState(e), 10);
          assertTrue(finished.stream().noneMatch(e -> e.has("snapshot")), finished::toString);
          JsonNode state = finished.get(finished.size() - 1);
          assertEquals("done", state.at("/job/state").asText(), state::toString);
        });
    stream.close();
    queue.close();
  }

  private static boolean isState(JsonNode event) {
    return "state".equals(event.path("type").asText());
  }

  private static BufferedImage image() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        image.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 128);
      }
    }
    return image;
  }
}

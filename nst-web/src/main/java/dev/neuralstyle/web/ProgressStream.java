package dev.neuralstyle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobListener;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import io.javalin.http.sse.SseClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Server-Sent Events per job. The queue calls this listener on its worker thread; every event is
 * handed to one sender thread, which encodes snapshots as PNG data URLs and writes to the clients,
 * so a slow browser never slows the run. Each job keeps its loss history and latest snapshot, so a
 * client that connects late (or reconnects) first gets a {@code state}, a {@code history} and the
 * latest {@code step} with its snapshot.
 */
final class ProgressStream implements JobListener, AutoCloseable {
  private static final int MAX_HISTORY = 20_000;

  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nst-sse");
            t.setDaemon(true);
            return t;
          });
  private final Map<JobId, Channel> channels = new ConcurrentHashMap<>();
  private final Function<Job, Map<String, Object>> describe;

  /** One job's clients and what a newcomer needs to catch up; used on the sender thread only. */
  private static final class Channel {
    final List<SseClient> clients = new ArrayList<>();
    final List<Map<String, Object>> history = new ArrayList<>();
    Map<String, Object> started;
    Map<String, Object> lastStep;
  }

  /**
   * @param describe the job's JSON as {@code GET /api/jobs/{id}} shows it
   */
  ProgressStream(Function<Job, Map<String, Object>> describe) {
    this.describe = describe;
  }

  /** Adds a client for {@code job}; it first receives the job's state and history. */
  void connect(Job job, SseClient client) {
    client.keepAlive();
    run(
        () -> {
          Channel c = channel(job.id());
          send(client, state(job));
          if (c.started != null) {
            send(client, c.started);
          }
          if (!c.history.isEmpty()) {
            send(client, Map.of("type", "history", "steps", c.history));
          }
          if (c.lastStep != null) {
            send(client, c.lastStep);
          }
          if (job.state().isFinished()) {
            client.close();
          } else {
            c.clients.add(client);
          }
        });
    client.onClose(() -> run(() -> channel(job.id()).clients.remove(client)));
  }

  @Override
  public void onState(Job job) {
    Map<String, Object> event = state(job);
    run(
        () -> {
          Channel c = channel(job.id());
          if (job.state() == dev.neuralstyle.jobs.JobState.RUNNING && job.iteration() == 0) {
            c.history.clear();
            c.started = null;
            c.lastStep = null;
          }
          broadcast(c, event);
          if (job.state().isFinished()) {
            c.clients.forEach(SseClient::close);
            c.clients.clear();
          }
        });
  }

  @Override
  public void onProgress(Job job, ProgressEvent event) {
    Map<String, Object> data = EventJson.of(event);
    BufferedImage snapshot = event instanceof StepCompleted s ? s.snapshot() : null;
    run(
        () -> {
          Channel c = channel(job.id());
          if (event instanceof RunStarted) {
            c.started = data;
          } else if (event instanceof StepCompleted s) {
            if (c.history.size() < MAX_HISTORY) {
              Map<String, Object> point = new LinkedHashMap<>();
              point.put("iteration", s.iteration());
              point.put("losses", data.get("losses"));
              c.history.add(point);
            }
            if (snapshot != null) {
              data.put("snapshot", dataUrl(snapshot));
              c.lastStep = data;
            }
          }
          broadcast(c, data);
        });
  }

  @Override
  public void onDeleted(JobId id) {
    run(() -> channels.remove(id));
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }

  /** Hands {@code task} to the sender thread; after {@link #close()} events are dropped. */
  private void run(Runnable task) {
    try {
      sender.execute(task);
    } catch (RejectedExecutionException e) {
      // the server has stopped: nobody is listening any more
    }
  }

  private Map<String, Object> state(Job job) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "state");
    m.put("job", describe.apply(job));
    return m;
  }

  private Channel channel(JobId id) {
    return channels.computeIfAbsent(id, k -> new Channel());
  }

  private void broadcast(Channel c, Map<String, Object> event) {
    c.clients.removeIf(SseClient::terminated);
    for (SseClient client : c.clients) {
      send(client, event);
    }
  }

  private void send(SseClient client, Map<String, Object> event) {
    try {
      client.sendEvent("message", json.writeValueAsString(event));
    } catch (JsonProcessingException | RuntimeException e) {
      client.close(); // a broken connection; the browser reconnects if it wants to
    }
  }

  private static String dataUrl(BufferedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}

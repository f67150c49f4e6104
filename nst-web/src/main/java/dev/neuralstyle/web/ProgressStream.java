package dev.neuralstyle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobListener;
import dev.neuralstyle.jobs.JobState;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Server-Sent Events: one stream per job and one for the gallery. The queue calls this listener on
 * its worker thread; every event is handed to one sender thread, which encodes snapshots as PNG
 * data URLs and writes to the clients, so a slow browser never slows the run.
 *
 * <p>Each job keeps its loss history and latest snapshot, so a client that connects late (or
 * reconnects) first gets the {@code started} event, a {@code history} (for a finished job, or a run
 * that continues an earlier one, the part on disk too) and the latest {@code step}, then the job's
 * {@code state}; the state comes last so that a page may stop listening when it says finished.
 *
 * <p>The gallery stream first sends {@code {"type": "jobs", "jobs": […]}} (newest first), then a
 * {@code state} event whenever a job changes (at most one a second per running job while it
 * progresses) and {@code {"type": "deleted", "id": …}}.
 */
final class ProgressStream implements JobListener, AutoCloseable {
  private static final int MAX_HISTORY = 20_000;
  private static final long GALLERY_PERIOD_NANOS = 1_000_000_000L;

  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nst-sse");
            t.setDaemon(true);
            return t;
          });
  private final Map<JobId, Channel> channels = new ConcurrentHashMap<>();
  private final List<SseClient> gallery = new ArrayList<>(); // sender thread only
  private final JobViews views;
  private final Supplier<List<Job>> jobs;

  /** One job's clients and what a newcomer needs to catch up; used on the sender thread only. */
  private static final class Channel {
    final List<SseClient> clients = new ArrayList<>();
    final List<Map<String, Object>> history = new ArrayList<>();
    Map<String, Object> started;
    Map<String, Object> lastStep;
    long gallerySent;
  }

  /**
   * @param views the jobs' JSON and the loss history on disk
   * @param jobs every job, newest first
   */
  ProgressStream(JobViews views, Supplier<List<Job>> jobs) {
    this.views = views;
    this.jobs = jobs;
  }

  /** Adds a gallery client; it first receives every job. */
  void connectGallery(SseClient client) {
    client.keepAlive();
    List<Map<String, Object>> all = jobs.get().stream().map(views::describe).toList();
    run(
        () -> {
          send(client, Map.of("type", "jobs", "jobs", all));
          gallery.add(client);
        });
    client.onClose(() -> run(() -> gallery.remove(client)));
  }

  /** Adds a client for {@code job}; it first receives the job's history, then its state. */
  void connect(Job job, SseClient client) {
    client.keepAlive();
    Map<String, Object> state = state(job);
    run(
        () -> {
          Channel c = channel(job.id());
          if (c.started != null) {
            send(client, c.started);
          }
          List<Map<String, Object>> history =
              c.history.isEmpty()
                  ? views.savedHistory(job.id(), job.state().isFinished())
                  : c.history;
          if (!history.isEmpty()) {
            send(client, Map.of("type", "history", "steps", history));
          }
          if (c.lastStep != null && !job.state().isFinished()) {
            send(client, c.lastStep);
          }
          send(client, state);
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
          if (job.state() == JobState.RUNNING && job.iteration() == 0) {
            c.history.clear();
            c.history.addAll(views.savedHistory(job.id(), false)); // a resumed run's earlier part
            c.started = null;
            c.lastStep = null;
          }
          broadcast(c.clients, event);
          broadcast(gallery, event);
          if (job.state().isFinished()) {
            c.clients.forEach(SseClient::close);
            c.clients.clear();
            // Only a running job's newcomers get the last snapshot: a finished job's (a PNG data
            // URL, megabytes at 2048 px) would otherwise stay on the heap until it is deleted.
            c.lastStep = null;
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
              c.history.add(JobViews.point(s.iteration(), data.get("losses"), s.elapsedSeconds()));
            }
            if (snapshot != null) {
              data.put("snapshot", dataUrl(snapshot));
              c.lastStep = data;
            }
          }
          broadcast(c.clients, data);
          long now = System.nanoTime();
          if (!gallery.isEmpty() && now - c.gallerySent > GALLERY_PERIOD_NANOS) {
            c.gallerySent = now;
            broadcast(gallery, state(job));
          }
        });
  }

  @Override
  public void onDeleted(JobId id) {
    views.forget(id);
    run(
        () -> {
          channels.remove(id);
          broadcast(gallery, Map.of("type", "deleted", "id", id.value()));
        });
  }

  /**
   * Whether the stream still holds {@code id}'s last snapshot (the PNG data URL a newcomer to a
   * running job gets first): true while the job runs, false once it has finished. Waits for the
   * events handed to the sender thread before this call; false after {@link #close()}.
   */
  boolean holdsSnapshot(JobId id) {
    try {
      return sender.submit(() -> channels.containsKey(id) && channel(id).lastStep != null).get();
    } catch (RejectedExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Closes every client (so that the server can stop at once) and the sender thread. */
  @Override
  public void close() {
    run(
        () -> {
          gallery.forEach(SseClient::close);
          gallery.clear();
          for (Channel c : channels.values()) {
            c.clients.forEach(SseClient::close);
            c.clients.clear();
          }
        });
    sender.shutdown();
    try {
      sender.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
    m.put("job", views.describe(job));
    return m;
  }

  private Channel channel(JobId id) {
    return channels.computeIfAbsent(id, k -> new Channel());
  }

  private void broadcast(List<SseClient> clients, Map<String, Object> event) {
    clients.removeIf(SseClient::terminated);
    for (SseClient client : clients) {
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

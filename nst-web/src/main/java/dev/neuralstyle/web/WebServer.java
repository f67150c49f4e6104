package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.transfer.MemoryEstimate;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * A running server: the weights loaded once, the SQLite job records, the queue with its worker and
 * the Javalin app, all from one {@link WebSettings}. Closing it stops the app, then the queue (a
 * running job is marked failed and resumable), then the database.
 */
public final class WebServer implements AutoCloseable {
  private final Javalin app;
  private final JobQueue queue;
  private final SqliteJobStore store;

  private WebServer(Javalin app, JobQueue queue, SqliteJobStore store) {
    this.app = app;
    this.queue = queue;
    this.store = store;
  }

  /**
   * Loads the weights, opens the data directory and starts serving.
   *
   * @throws dev.neuralstyle.NstException if the weights or the database cannot be opened
   */
  public static WebServer start(WebSettings settings) {
    // The weights first: a file that cannot be read leaves no data directory behind.
    VggWeights weights = WeightsLoader.load(settings.weights(), null, null);
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new NstException("cannot create the data directory " + settings.dataDir(), e);
    }
    JobFiles files = new JobFiles(settings.dataDir().resolve("jobs"));
    JobForm form =
        new JobForm(
            weights,
            settings.maxSize(),
            settings.maxPixels(),
            settings.maxIterations(),
            jobBytes(settings));
    SqliteJobStore store = SqliteJobStore.open(settings.dataDir().resolve("jobs.db"));
    JobQueue queue =
        new JobQueue(
            store,
            new TransferJobRunner(form, files, settings.toolVersion()),
            settings.queueCapacity(),
            Clock.systemUTC());
    Javalin app = WebApp.create(queue, files, form, settings);
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    queue.start();
    return new WebServer(app, queue, store);
  }

  /**
   * The memory one job may need: the setting, or by default 70% of the machine's physical memory
   * (jobs run one at a time; the rest is for the server, the page cache and everything else).
   */
  static long jobBytes(WebSettings settings) {
    if (settings.maxJobBytes() > 0) {
      return settings.maxJobBytes();
    }
    return (long) (MemoryEstimate.physical().orElse(0) * 0.7);
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The job queue. */
  public JobQueue queue() {
    return queue;
  }

  @Override
  public void close() {
    app.stop();
    queue.close();
    store.close();
  }
}

package dev.neuralstyle.web;

import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.jobs.QueueFullException;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web app factory: builds the routes of the REST API, the event stream and the static page from
 * an injected {@link JobQueue}, and returns an unstarted {@link Javalin}. The caller starts it (on
 * loopback unless told otherwise) and starts the queue.
 */
public final class WebApp {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(WebApp.class.getName());

  private WebApp() {}

  /**
   * The app.
   *
   * @param queue the job queue (this registers its event stream as a listener)
   * @param files where job files live
   * @param form validates job settings against the server's weights
   * @param settings limits (upload size, pixels) and the values {@code /api/defaults} reports
   */
  public static Javalin create(JobQueue queue, JobFiles files, JobForm form, WebSettings settings) {
    Uploads uploads = new Uploads(settings.maxUploadBytes(), settings.maxPixels());
    JobViews views = new JobViews(queue, files);
    ProgressStream stream = new ProgressStream(views, () -> JobRoutes.newestFirst(queue.list()));
    long maxRequest = settings.maxUploadBytes() * (JobRoutes.MAX_STYLES + 1) + (1 << 20);
    JobRoutes r = new JobRoutes(queue, files, form, uploads, stream, views, maxRequest);
    RequestGuard guard = new RequestGuard(settings.access());
    queue.addListener(stream);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.staticFiles.add("/web", Location.CLASSPATH);
              config.http.maxRequestSize = maxRequest;
              config.jetty.multipartConfig.maxFileSize(
                  settings.maxUploadBytes() + 1, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(maxRequest, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            });
    app.before(guard::check); // Host, Origin, token: before anything else runs
    app.get(
        "/api/defaults",
        ctx -> ctx.json(DefaultsJson.of(form.weights(), settings, form.unavailable())));
    app.sse("/api/events", stream::connectGallery);
    app.post("/api/jobs", r::create);
    app.get("/api/jobs", r::list);
    app.get("/api/jobs/{id}", r::show);
    app.delete("/api/jobs/{id}", r::delete);
    app.post("/api/jobs/{id}/resume", r::resume);
    app.get("/api/jobs/{id}/result", r::result);
    app.get("/api/jobs/{id}/files/{name}", r::file);
    app.before("/api/jobs/{id}/events", r::requireJob); // SSE commits 200 before its handler runs
    app.sse("/api/jobs/{id}/events", r::events);
    app.exception(
        FormException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(errors(e, files)));
    app.exception(
        QueueFullException.class,
        (e, ctx) ->
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "30")
                .json(error(null, e.getMessage())));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> ctx.status(e.getStatus()).json(error(null, e.getMessage())));
    app.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (ctx.path().startsWith("/api/")
              && !"application/json".equals(ctx.res().getContentType())) {
            ctx.json(error(null, "not found"));
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          // A bug: one log line, and JSON without a trace for the client.
          LOG.warning("request " + ctx.method() + " " + ctx.path() + " failed: " + e);
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error(null, "internal error"));
        });
    app.events(e -> e.serverStopping(stream::close));
    return app;
  }

  /** The 400 answer to rejected fields: the first at the top level, then all of them. */
  static Map<String, Object> errors(FormException e, JobFiles files) {
    Map<String, Object> m = error(e.field(), files.hideRoot(e.getMessage()));
    m.put(
        "errors",
        e.errors().stream().map(f -> error(f.field(), files.hideRoot(f.message()))).toList());
    return m;
  }

  static Map<String, Object> error(String field, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (field != null) {
      m.put("field", field);
    }
    m.put("error", message);
    return m;
  }
}

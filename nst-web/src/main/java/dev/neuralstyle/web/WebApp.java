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
    JobRoutes r = new JobRoutes(queue, files, form, uploads, stream, views);
    queue.addListener(stream);
    long maxRequest = settings.maxUploadBytes() * (JobRoutes.MAX_STYLES + 1) + (1 << 20);
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
        FormException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(errors(e)));
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
    app.events(e -> e.serverStopping(stream::close));
    return app;
  }

  /** The 400 answer to rejected fields: the first at the top level, then all of them. */
  static Map<String, Object> errors(FormException e) {
    Map<String, Object> m = error(e.field(), e.getMessage());
    m.put("errors", e.errors().stream().map(f -> error(f.field(), f.message())).toList());
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

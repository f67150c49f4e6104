package dev.neuralstyle.web;

import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.jobs.JobState;
import dev.neuralstyle.jobs.QueueFullException;
import dev.neuralstyle.web.FormException.FieldError;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's handlers: create, list, show, cancel/delete and resume jobs, serve their files and
 * stream their progress. Every error answers JSON {@code {"error": …}} (with {@code "field"} for a
 * rejected form value).
 */
final class JobRoutes {
  /** The most style images one job may have. */
  static final int MAX_STYLES = 8;

  private final JobQueue queue;
  private final JobFiles files;
  private final JobForm form;
  private final Uploads uploads;
  private final ProgressStream stream;
  private final JobViews views;
  private final long maxRequestBytes;

  JobRoutes(
      JobQueue queue,
      JobFiles files,
      JobForm form,
      Uploads uploads,
      ProgressStream stream,
      JobViews views,
      long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
    this.queue = queue;
    this.files = files;
    this.form = form;
    this.uploads = uploads;
    this.stream = stream;
    this.views = views;
  }

  /** A file-writing step of a submission whose rejections are collected. */
  private interface Step {
    void run() throws IOException;
  }

  /**
   * {@code POST /api/jobs}: multipart with {@code content}, {@code style} parts and options. Every
   * rejected upload and field is reported at once.
   */
  void create(Context ctx) throws IOException {
    if (!queue.hasRoom()) {
      throw new QueueFullException(queue.capacity());
    }
    MultipartForm parts = MultipartForm.parse(ctx, maxRequestBytes);
    Map<String, List<String>> fields = new HashMap<>(parts.fields());
    fields.remove("content"); // file parts, handled below
    fields.remove("style");
    List<String> from = fields.remove("from");
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> settings = new HashMap<>();
    collect(errors, () -> settings.putAll(JobForm.settings(fields)));
    JobId id = JobId.random();
    Path dir = files.create(id);
    try {
      JobId[] source = {null};
      collect(errors, () -> source[0] = source(from));
      Path content = dir.resolve(JobFiles.CONTENT);
      collect(errors, () -> saveContent(parts.content(), source[0], content));
      List<Path> styles = new ArrayList<>();
      collect(errors, () -> saveStyles(parts.styles(), source[0], dir, styles));
      List<Path> checked = styles.isEmpty() ? List.of(dir.resolve(JobFiles.styleName(1))) : styles;
      if (errors.stream().noneMatch(e -> fields.containsKey(e.field()))) {
        // (with unknown or repeated fields the settings are incomplete: checking them would
        // report defaults the client never chose)
        collect(errors, () -> form.request(settings, content, checked));
      }
      if (!errors.isEmpty()) {
        throw new FormException(errors);
      }
      queue.submit(id, JobForm.settings(fields)); // in the client's order
    } catch (RuntimeException | IOException e) {
      files.delete(id);
      throw e;
    }
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/jobs/" + id)
        .json(Map.of("id", id.value()));
  }

  /** Runs {@code step}, adding its rejected fields to {@code errors}. */
  private static void collect(List<FieldError> errors, Step step) throws IOException {
    try {
      step.run();
    } catch (FormException e) {
      errors.addAll(e.errors());
    }
  }

  private void saveContent(List<UploadedFile> parts, JobId source, Path content)
      throws IOException {
    if (parts.size() > 1) {
      throw new FormException("content", "give one content image, found " + parts.size());
    }
    if (parts.size() == 1) {
      uploads.save(parts.get(0), "content", content);
    } else if (source != null) {
      Files.copy(existing(source, JobFiles.CONTENT, "content"), content);
    } else {
      throw new FormException("content", "required: upload one content image");
    }
  }

  private void saveStyles(List<UploadedFile> parts, JobId source, Path dir, List<Path> styles)
      throws IOException {
    if (parts.size() > MAX_STYLES) {
      throw new FormException(
          "style", "at most " + MAX_STYLES + " style images, found " + parts.size());
    }
    for (int i = 0; i < parts.size(); i++) {
      Path target = dir.resolve(JobFiles.styleName(i + 1));
      uploads.save(parts.get(i), "style", target);
      styles.add(target);
    }
    if (styles.isEmpty() && source != null) {
      for (Path p : files.styles(source)) {
        styles.add(Files.copy(p, dir.resolve(p.getFileName().toString())));
      }
    }
    if (styles.isEmpty()) {
      throw new FormException("style", "required: upload at least one style image");
    }
  }

  /** {@code GET /api/jobs}: every job, newest first. */
  void list(Context ctx) {
    ctx.json(newestFirst(queue.list()).stream().map(this::describe).toList());
  }

  /** {@code jobs}, newest first. */
  static List<Job> newestFirst(List<Job> jobs) {
    List<Job> sorted = new ArrayList<>(jobs);
    sorted.sort(Comparator.comparing(Job::created).reversed());
    return sorted;
  }

  /** {@code GET /api/jobs/{id}}. */
  void show(Context ctx) {
    ctx.json(describe(job(ctx)));
  }

  /**
   * {@code DELETE /api/jobs/{id}}: deletes a finished job, or a waiting one that has never run
   * (204: it has nothing to keep); cancels a running job, or a waiting one that continues earlier
   * progress (202; it ends cancelled with the image it reached, and can resume).
   */
  void delete(Context ctx) throws IOException {
    Job job = job(ctx);
    if (job.state() == JobState.QUEUED && files.find(job.id(), ResumeFiles.IMAGE).isEmpty()) {
      job = queue.cancel(job.id()).orElseThrow(NotFoundResponse::new);
    }
    if (!job.state().isFinished()) {
      Job now = queue.cancel(job.id()).orElseThrow(NotFoundResponse::new);
      ctx.status(HttpStatus.ACCEPTED).json(describe(now));
      return;
    }
    queue.delete(job.id());
    files.delete(job.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code POST /api/jobs/{id}/resume}: queues a failed or cancelled job again. */
  void resume(Context ctx) {
    Job job = job(ctx);
    if (!job.state().isFinished() || job.state() == JobState.DONE) {
      ctx.status(HttpStatus.CONFLICT)
          .json(
              Map.of(
                  "error",
                  "only a failed or cancelled job can be resumed; it is " + job.state().apiName()));
      return;
    }
    ctx.status(HttpStatus.ACCEPTED).json(describe(queue.resume(job.id()).orElseThrow()));
  }

  /** {@code GET /api/jobs/{id}/result}: the result image. */
  void result(Context ctx) throws IOException {
    serve(ctx, job(ctx).id(), JobFiles.RESULT);
  }

  /** {@code GET /api/jobs/{id}/files/{name}}: one of the job's files, by its generated name. */
  void file(Context ctx) throws IOException {
    serve(ctx, job(ctx).id(), ctx.pathParam("name"));
  }

  /** Answers 404 for an unknown job (before the event stream starts). */
  void requireJob(Context ctx) {
    job(ctx);
  }

  /** {@code GET /api/jobs/{id}/events}: the job's Server-Sent Events. */
  void events(SseClient client) {
    Job job = JobId.parse(client.ctx().pathParam("id")).flatMap(queue::get).orElse(null);
    if (job == null) {
      client.ctx().status(HttpStatus.NOT_FOUND);
      client.close();
      return;
    }
    stream.connect(job, client);
  }

  Map<String, Object> describe(Job job) {
    return views.describe(job);
  }

  private void serve(Context ctx, JobId id, String name) throws IOException {
    Path file = files.find(id, name).orElseThrow(() -> new NotFoundResponse("no such file"));
    ctx.contentType(JobFiles.contentType(name)).header("Cache-Control", "no-cache");
    if (ctx.queryParam("download") != null) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-" + name + "\"");
    }
    byte[] data;
    try (InputStream in = Files.newInputStream(file)) {
      data = in.readAllBytes();
    }
    ctx.result(name.equals(JobFiles.RECORD) ? ClientRecord.of(data) : data);
  }

  private Job job(Context ctx) {
    return JobId.parse(ctx.pathParam("id"))
        .flatMap(queue::get)
        .orElseThrow(() -> new NotFoundResponse("no such job"));
  }

  private JobId source(List<String> from) {
    if (from == null || from.isEmpty() || from.get(0).isBlank()) {
      return null;
    }
    return JobId.parse(from.get(0).trim())
        .filter(id -> queue.get(id).isPresent())
        .orElseThrow(() -> new FormException("from", "no such job: " + from.get(0)));
  }

  private Path existing(JobId source, String name, String field) {
    return files
        .find(source, name)
        .orElseThrow(() -> new FormException(field, "job " + source + " has no " + name));
  }
}

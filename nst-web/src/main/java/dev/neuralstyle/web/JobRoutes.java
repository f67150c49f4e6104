package dev.neuralstyle.web;

import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.jobs.QueueFullException;
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
  private final long maxRequestBytes;

  JobRoutes(
      JobQueue queue,
      JobFiles files,
      JobForm form,
      Uploads uploads,
      ProgressStream stream,
      long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
    this.queue = queue;
    this.files = files;
    this.form = form;
    this.uploads = uploads;
    this.stream = stream;
  }

  /** {@code POST /api/jobs}: multipart with {@code content}, {@code style} parts and options. */
  void create(Context ctx) throws IOException {
    if (!queue.hasRoom()) {
      throw new QueueFullException(queue.capacity());
    }
    MultipartForm form = MultipartForm.parse(ctx, maxRequestBytes);
    Map<String, List<String>> fields = new HashMap<>(form.fields());
    fields.remove("content"); // file parts, handled below
    fields.remove("style");
    List<String> from = fields.remove("from");
    Map<String, String> settings = JobForm.settings(fields);
    JobId id = JobId.random();
    Path dir = files.create(id);
    try {
      Path content = dir.resolve(JobFiles.CONTENT);
      List<Path> styles = new ArrayList<>();
      List<UploadedFile> contentParts = form.content();
      List<UploadedFile> styleParts = form.styles();
      JobId source = source(from);
      if (contentParts.size() > 1) {
        throw new FormException("content", "give one content image, found " + contentParts.size());
      }
      if (contentParts.size() == 1) {
        uploads.save(contentParts.get(0), "content", content);
      } else if (source != null) {
        Files.copy(existing(source, JobFiles.CONTENT, "content"), content);
      } else {
        throw new FormException("content", "required: upload one content image");
      }
      if (styleParts.size() > MAX_STYLES) {
        throw new FormException(
            "style", "at most " + MAX_STYLES + " style images, found " + styleParts.size());
      }
      for (int i = 0; i < styleParts.size(); i++) {
        Path target = dir.resolve(JobFiles.styleName(i + 1));
        uploads.save(styleParts.get(i), "style", target);
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
      this.form.request(settings, content, styles); // validates every field before queueing
      queue.submit(id, settings);
    } catch (RuntimeException | IOException e) {
      files.delete(id);
      throw e;
    }
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/jobs/" + id)
        .json(Map.of("id", id.value()));
  }

  /** {@code GET /api/jobs}: every job, newest first. */
  void list(Context ctx) {
    List<Job> jobs = new ArrayList<>(queue.list());
    jobs.sort(Comparator.comparing(Job::created).reversed());
    ctx.json(jobs.stream().map(this::describe).toList());
  }

  /** {@code GET /api/jobs/{id}}. */
  void show(Context ctx) {
    ctx.json(describe(job(ctx)));
  }

  /**
   * {@code DELETE /api/jobs/{id}}: cancels an unfinished job (202), deletes a finished one (204).
   */
  void delete(Context ctx) throws IOException {
    Job job = job(ctx);
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
    if (!job.state().isFinished() || job.state() == dev.neuralstyle.jobs.JobState.DONE) {
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
    return JobJson.of(job, queue.position(job.id()), files.list(job.id()));
  }

  private void serve(Context ctx, JobId id, String name) throws IOException {
    Path file = files.find(id, name).orElseThrow(() -> new NotFoundResponse("no such file"));
    String type =
        name.endsWith(".png")
            ? "image/png"
            : name.endsWith(".gif") ? "image/gif" : "application/json";
    ctx.contentType(type).header("Cache-Control", "no-cache");
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

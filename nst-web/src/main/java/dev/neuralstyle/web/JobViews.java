package dev.neuralstyle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.jobs.JobQueue;
import dev.neuralstyle.jobs.JobState;
import dev.neuralstyle.loss.LossBreakdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API shows of a job beyond its record, read from its files: the size and timings of a
 * finished run (from {@code run.json}, cached until the file changes), file sizes, whether it can
 * resume, and the loss history a run left on disk (the whole curve of a finished run, or the part
 * before the point a resumed run continues from).
 */
final class JobViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobQueue queue;
  private final JobFiles files;
  private final Map<JobId, Cached> records = new ConcurrentHashMap<>();

  private record Cached(FileTime modified, JsonNode root) {}

  JobViews(JobQueue queue, JobFiles files) {
    this.queue = queue;
    this.files = files;
  }

  /** The job's JSON as {@code GET /api/jobs/{id}} shows it. */
  Map<String, Object> describe(Job job) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String name : files.list(job.id())) {
      try {
        sizes.put(name, Files.size(files.dir(job.id()).resolve(name)));
      } catch (IOException e) {
        // deleted meanwhile: not listed
      }
    }
    boolean resumable =
        job.resumable()
            || (job.state() == JobState.CANCELLED && sizes.containsKey(ResumeFiles.IMAGE));
    return JobJson.of(job, queue.position(job.id()), sizes, run(job.id()), resumable);
  }

  /**
   * The finished run's {@code width}, {@code height}, {@code setupSeconds}, {@code
   * optimizeSeconds}, {@code evaluations} and {@code finished} (when run.json was written), or
   * {@code null} before the job has a run record.
   */
  Map<String, Object> run(JobId id) {
    Optional<JsonNode> root = record(id);
    if (root.isEmpty()) {
      return null;
    }
    JsonNode result = root.get().path("result");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("width", result.path("width").asInt());
    m.put("height", result.path("height").asInt());
    m.put("setupSeconds", result.path("setupSeconds").asDouble());
    m.put("optimizeSeconds", result.path("optimizeSeconds").asDouble());
    m.put("evaluations", result.path("evaluations").asInt());
    m.put("finished", records.get(id).modified().toInstant().toString());
    return m;
  }

  /**
   * The loss history on disk: a finished run's every step (run.json), else the steps an earlier run
   * of this job saved for resuming (resume.json); each point as {@code {iteration, losses,
   * elapsed}}.
   */
  List<Map<String, Object>> savedHistory(JobId id, boolean finished) {
    List<Map<String, Object>> points = new ArrayList<>();
    if (finished && record(id).isPresent()) {
      for (JsonNode s : record(id).get().path("steps")) {
        points.add(
            point(
                s.path("iteration").asInt(),
                s.path("content").asDouble(),
                s.path("style").asDouble(),
                s.path("tv").asDouble(),
                s.path("total").asDouble(),
                s.path("seconds").asDouble()));
      }
      return points;
    }
    new ResumeFiles(files.dir(id))
        .load()
        .ifPresent(
            saved ->
                saved
                    .point()
                    .steps()
                    .forEach(
                        s ->
                            points.add(
                                point(
                                    s.iteration(),
                                    s.content(),
                                    s.style(),
                                    s.tv(),
                                    s.total(),
                                    s.seconds()))));
    return points;
  }

  /** One history point; the losses in the same shape as a live step event's. */
  static Map<String, Object> point(
      int iteration, double content, double style, double tv, double total, double elapsed) {
    return point(iteration, JobJson.losses(new LossBreakdown(content, style, tv, total)), elapsed);
  }

  static Map<String, Object> point(int iteration, Object losses, double elapsed) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("iteration", iteration);
    p.put("losses", losses);
    p.put("elapsed", elapsed);
    return p;
  }

  /** Forgets what was cached about {@code id}. */
  void forget(JobId id) {
    records.remove(id);
  }

  private Optional<JsonNode> record(JobId id) {
    Path file = files.dir(id).resolve(JobFiles.RECORD);
    try {
      if (!Files.isRegularFile(file)) {
        records.remove(id);
        return Optional.empty();
      }
      FileTime modified = Files.getLastModifiedTime(file);
      Cached c = records.get(id);
      if (c == null || !c.modified().equals(modified)) {
        c = new Cached(modified, JSON.readTree(file.toFile()));
        records.put(id, c);
      }
      return Optional.of(c.root());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // being written or unreadable: shown without run details
    }
  }
}

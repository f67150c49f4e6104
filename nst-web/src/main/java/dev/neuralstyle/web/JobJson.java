package dev.neuralstyle.web;

import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.loss.LossBreakdown;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job as the API shows it: plain maps that Jackson writes as JSON. */
final class JobJson {
  private JobJson() {}

  /**
   * The job's JSON: {@code id}, {@code state}, {@code position} (1-based while queued, else 0),
   * {@code iteration}, {@code iterations}, {@code losses}, {@code elapsed}, {@code eta} (seconds,
   * while running), {@code stopReason}, {@code error}, {@code resumable}, {@code created}, {@code
   * settings}, {@code files} (name to URL), {@code sizes} (name to bytes) and {@code run} (the
   * finished run's size and timings, or {@code null}).
   *
   * @param files the job's file names with their sizes in bytes
   * @param run see {@link JobViews#run}
   * @param resumable whether {@code POST /api/jobs/{id}/resume} would continue the job
   */
  static Map<String, Object> of(
      Job job, int position, Map<String, Long> files, Map<String, Object> run, boolean resumable) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id().value());
    m.put("state", job.state().apiName());
    m.put("position", position);
    m.put("iteration", job.iteration());
    m.put("iterations", job.iterations());
    m.put("losses", losses(job.losses()));
    m.put("elapsed", job.elapsedSeconds());
    m.put("eta", eta(job.iteration(), job.iterations(), job.elapsedSeconds()));
    m.put("stopReason", job.stopReason());
    m.put("error", job.error());
    m.put("resumable", resumable);
    m.put("created", job.created().toString());
    m.put("settings", job.settings());
    Map<String, String> urls = new LinkedHashMap<>();
    for (String name : files.keySet()) {
      urls.put(name, "/api/jobs/" + job.id().value() + "/files/" + name);
    }
    m.put("files", urls);
    m.put("sizes", files);
    m.put("run", run);
    return m;
  }

  /**
   * The loss terms as they enter the total ({@code content + style + tv = total}) and, under {@code
   * raw}, the unweighted losses; or {@code null}.
   */
  static Map<String, Object> losses(LossBreakdown b) {
    if (b == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("content", finite(b.content()));
    m.put("style", finite(b.style()));
    m.put("tv", finite(b.tv()));
    m.put("total", finite(b.total()));
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("content", finite(b.raw().content()));
    raw.put("style", finite(b.raw().style()));
    raw.put("tv", finite(b.raw().tv()));
    m.put("raw", raw);
    return m;
  }

  /** Seconds left at the current pace, or {@code null} before the first step or when done. */
  static Double eta(int iteration, int iterations, double elapsed) {
    if (iteration <= 0 || iterations <= iteration) {
      return null;
    }
    return elapsed / iteration * (iterations - iteration);
  }

  /** JSON has no NaN or infinity: those become {@code null}. */
  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

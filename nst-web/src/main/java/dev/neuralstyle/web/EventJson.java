package dev.neuralstyle.web;

import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.RunFailed;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress events as JSON maps with a {@code type} discriminator: {@code started}, {@code step},
 * {@code finished}, {@code failed} (and {@code state} and {@code history}, made by {@link
 * ProgressStream}). A step's snapshot is added by the stream as a PNG data URL.
 */
final class EventJson {
  private EventJson() {}

  static Map<String, Object> of(ProgressEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (event instanceof RunStarted s) {
      m.put("type", "started");
      m.put("iterations", s.iterations());
      m.put("width", s.width());
      m.put("height", s.height());
      m.put("setup", s.setupSeconds());
    } else if (event instanceof StepCompleted s) {
      m.put("type", "step");
      m.put("iteration", s.iteration());
      m.put("iterations", s.iterations());
      m.put("losses", JobJson.losses(s.losses()));
      m.put("elapsed", s.elapsedSeconds());
      m.put("eta", JobJson.eta(s.iteration(), s.iterations(), s.elapsedSeconds()));
    } else if (event instanceof RunFinished f) {
      m.put("type", "finished");
      m.put("evaluations", f.evaluations());
      m.put("elapsed", f.elapsedSeconds());
      m.put("stopReason", f.stopReason());
    } else if (event instanceof RunFailed f) {
      m.put("type", "failed");
      m.put("message", f.message());
    }
    return m;
  }
}

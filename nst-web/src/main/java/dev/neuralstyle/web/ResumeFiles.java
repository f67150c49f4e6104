package dev.neuralstyle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.image.AtomicFiles;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.transfer.StepRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's progress kept on disk so that an interrupted or cancelled job continues where it stopped:
 * the latest snapshot image ({@code resume.png}) and the step records up to it ({@code
 * resume.json}), both rewritten atomically at every snapshot.
 */
final class ResumeFiles {
  static final String IMAGE = "resume.png";
  static final String STATE = "resume.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  ResumeFiles(Path dir) {
    this.dir = dir;
  }

  /** Saves the image reached at {@code iteration} and the steps so far. */
  void save(BufferedImage image, int iteration, List<StepRecord> steps) {
    ImageFiles.write(image, dir.resolve(IMAGE));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("iteration", iteration);
    List<Object> list = new ArrayList<>();
    for (StepRecord s : steps) {
      if (s.iteration() <= iteration) {
        list.add(
            List.of(
                s.iteration(),
                s.content(),
                s.style(),
                s.tv(),
                s.total(),
                s.seconds(),
                s.raw().content(),
                s.raw().style(),
                s.raw().tv()));
      }
    }
    state.put("steps", list);
    AtomicFiles.write(dir.resolve(STATE), out -> JSON.writeValue(out, state));
  }

  /** The saved image and resume point, if an earlier run of the job left them. */
  Optional<Saved> load() {
    Path image = dir.resolve(IMAGE);
    Path state = dir.resolve(STATE);
    if (!Files.isRegularFile(image) || !Files.isRegularFile(state)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(state.toFile());
      List<StepRecord> steps = new ArrayList<>();
      for (JsonNode s : root.path("steps")) {
        // Files from before the raw losses were kept hold six numbers: raw = weighted then.
        int r = s.size() >= 9 ? 6 : 1;
        steps.add(
            new StepRecord(
                s.get(0).asInt(),
                s.get(1).asDouble(),
                s.get(2).asDouble(),
                s.get(3).asDouble(),
                s.get(4).asDouble(),
                s.get(5).asDouble(),
                new LossBreakdown.Raw(
                    s.get(r).asDouble(), s.get(r + 1).asDouble(), s.get(r + 2).asDouble())));
      }
      return Optional.of(new Saved(image, new ResumePoint(root.path("iteration").asInt(), steps)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable progress: the job starts over
    }
  }

  /** Removes the progress files once the job has finished its budget. */
  void clear() throws IOException {
    Files.deleteIfExists(dir.resolve(IMAGE));
    Files.deleteIfExists(dir.resolve(STATE));
  }

  /**
   * Saved progress.
   *
   * @param image the image to continue from
   * @param point the iteration count and step records
   */
  record Saved(Path image, ResumePoint point) {}
}

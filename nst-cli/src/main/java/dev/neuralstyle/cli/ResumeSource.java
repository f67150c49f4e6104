package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.output.RecordedRun;
import dev.neuralstyle.output.RunRecordReader;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.ResumePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --resume FILE} continues from: a run record ({@code out.json}, written when a run
 * ends or is stopped with Ctrl-C) restores every setting, the step records and the image; a
 * snapshot ({@code out-0100.png}) gives the image and the iteration count, and the other options
 * must be given again.
 *
 * @param recorded the run read from a record, or {@code null} for a snapshot
 * @param image the image to continue from
 * @param point the evaluations already used and the earlier step records
 */
record ResumeSource(RecordedRun recorded, Path image, ResumePoint point) {
  private static final long MAX_ITERATION = 10_000_000;
  private static final Pattern SNAPSHOT = Pattern.compile(".*-(\\d+)\\.(png|jpe?g)$");

  /** Reads {@code file} as a run record (.json) or a snapshot image. */
  static ResumeSource of(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new NstException("invalid value for --resume: " + file + " does not exist");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      RecordedRun run = RunRecordReader.read(file);
      String image = run.outputs().get("image");
      if (image == null || !Files.isRegularFile(Path.of(image))) {
        throw new NstException(
            "invalid value for --resume: the image of run record "
                + file
                + " ("
                + image
                + ") does not exist; resume from a snapshot such as out-0100.png instead");
      }
      return new ResumeSource(run, Path.of(image), new ResumePoint(run.evaluations(), run.steps()));
    }
    Matcher m = SNAPSHOT.matcher(name);
    if (!m.matches()) {
      throw new NstException(
          "invalid value for --resume: expected a run record (.json) or a snapshot named like"
              + " out-0100.png, found "
              + file);
    }
    long done = m.group(1).length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
    if (done > MAX_ITERATION) {
      throw new NstException(
          "invalid value for --resume: the snapshot "
              + file.getFileName()
              + " names iteration "
              + (m.group(1).length() > 12 ? m.group(1).substring(0, 12) + "…" : m.group(1))
              + "; a run has at most "
              + MAX_ITERATION
              + " iterations");
    }
    return new ResumeSource(null, file, new ResumePoint((int) done, List.of()));
  }

  /** The init that continues from the image. */
  InitSpec init() {
    return new InitSpec(InitMode.FILE, InitSpec.DEFAULT_BLEND_RATIO, image);
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.output.record.RecordedRun;
import dev.neuralstyle.output.record.RunRecordReader;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.weights.FileDigest;
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

  /**
   * The weights the resumed run uses: the record's, which an explicit {@code --weights} may only
   * name again (the same file, or a copy with the recorded SHA-256). A snapshot or a record that
   * names no weights leaves the choice to {@code given}.
   *
   * @param given the {@code --weights} option, or {@code null}
   * @param recordFile the {@code --resume} file, for the message
   * @throws NstException if {@code given} is another file than the one the run used
   */
  Path weights(Path given, Path recordFile) {
    Path used = recorded == null ? null : recorded.weights();
    if (used == null) {
      return given;
    }
    if (given == null || sameFile(given, used) || sameContent(given, recorded.weightsSha256())) {
      return given == null ? used : given;
    }
    throw new NstException(
        "invalid value for --weights: "
            + given
            + " is not the weights file the run record "
            + recordFile
            + " ran with ("
            + used
            + (recorded.weightsSha256() == null
                ? ""
                : ", SHA-256 " + recorded.weightsSha256().substring(0, 12) + "…")
            + "); a resumed run keeps its weights: leave out --weights, or give that file or a"
            + " copy of it");
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return (Files.exists(a) && Files.exists(b))
          ? Files.isSameFile(a, b)
          : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean sameContent(Path file, String sha256) {
    if (sha256 == null || !Files.isRegularFile(file)) {
      return false;
    }
    try {
      return FileDigest.sha256(file).equals(sha256);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The init that continues from the image. */
  InitSpec init() {
    return new InitSpec(InitMode.FILE, InitSpec.DEFAULT_BLEND_RATIO, image);
  }
}

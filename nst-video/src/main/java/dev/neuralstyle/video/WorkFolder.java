package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a video transfer keeps its frames, so that an interrupted run can continue: decoded input
 * frames in {@code content/}, finished frames as {@code frame-00001.png} ..., the clip's facts and
 * the settings in text files. For a video output {@code out.mp4} it is {@code out.mp4.frames/} (the
 * finished frames in it too); for a folder output the finished frames go to the folder itself and
 * the rest to its {@code .nst-video/}.
 */
final class WorkFolder {
  private final Path work;
  private final Path styled;

  private WorkFolder(Path work, Path styled) {
    this.work = work;
    this.styled = styled;
  }

  static WorkFolder of(Path output) {
    if (ClipWriter.isClipFile(output)) {
      Path work = output.resolveSibling(output.getFileName() + ".frames");
      return new WorkFolder(work, work);
    }
    return new WorkFolder(output.resolve(".nst-video"), output);
  }

  Path work() {
    return work;
  }

  Path content(int frame) {
    return work.resolve("content").resolve(name(frame));
  }

  Path styled(int frame) {
    return styled.resolve(name(frame));
  }

  List<Path> styledFrames(int frames) {
    List<Path> all = new ArrayList<>();
    for (int i = 1; i <= frames; i++) {
      all.add(styled(i));
    }
    return all;
  }

  /** The first frame (1-based) without a finished file; {@code frames + 1} when all are done. */
  int firstMissing(int frames) {
    for (int i = 1; i <= frames; i++) {
      if (!Files.isRegularFile(styled(i))) {
        return i;
      }
    }
    return frames + 1;
  }

  static String name(int frame) {
    return String.format(Locale.ROOT, "frame-%05d.png", frame);
  }

  /** The clip facts saved by an earlier run, or null. */
  ClipInfo savedClip() {
    Path f = work.resolve("clip.txt");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      String[] v = Files.readString(f, StandardCharsets.UTF_8).trim().split(" ");
      return new ClipInfo(
          Integer.parseInt(v[0]),
          Double.parseDouble(v[1]),
          Integer.parseInt(v[2]),
          Integer.parseInt(v[3]),
          Boolean.parseBoolean(v[4]));
    } catch (IOException | RuntimeException e) {
      return null; // damaged: decode again
    }
  }

  void saveClip(ClipInfo c) {
    write(
        "clip.txt",
        String.format(
            Locale.ROOT,
            "%d %s %d %d %b%n",
            c.frames(),
            c.fps(),
            c.width(),
            c.height(),
            c.audio()));
  }

  /**
   * Records {@code settings}, or checks them against those of the run that made the frames here.
   *
   * @throws NstException if an earlier run used other settings
   */
  void claim(String settings) {
    Path f = work.resolve("settings.txt");
    try {
      if (Files.isRegularFile(f) && !Files.readString(f, StandardCharsets.UTF_8).equals(settings)) {
        throw new NstException(
            work
                + " holds frames made with other settings; run the same command as before to"
                + " continue it, or delete "
                + work
                + " to start again");
      }
    } catch (IOException e) {
      throw new NstException("cannot read " + f + ": " + e.getMessage(), e);
    }
    write("settings.txt", settings);
  }

  private void write(String file, String text) {
    try {
      Files.createDirectories(work);
      Path tmp = work.resolve(file + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, work.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new NstException("cannot write " + work.resolve(file) + ": " + e.getMessage(), e);
    }
  }

  /** Deletes {@code dir} and everything in it (best effort). */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: what is left is a work folder the next run reuses or the user deletes
    }
  }
}

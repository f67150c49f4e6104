package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.output.OutputFiles;
import dev.neuralstyle.output.RunOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files one transfer writes: the image and, unless switched off, the panel, GIF, loss plot and
 * run record named after it ({@code out.png} gives {@code out-panel.png}, {@code out.gif}, {@code
 * out-loss.png}, {@code out.json}), plus {@code out-0100.png}-style snapshots. An absent extra is
 * {@code null}. Validated on construction: extensions and distinct names.
 *
 * @param image the result image, {@code .png}, {@code .jpg} or {@code .jpeg}
 * @param panel content | result | style panel, or {@code null}
 * @param gif animation of the optimisation, or {@code null}
 * @param lossPlot loss curves, or {@code null}
 * @param record the JSON run record, or {@code null}
 */
record OutputPlan(Path image, Path panel, Path gif, Path lossPlot, Path record) {
  private static final int MAX_NAME_BYTES = 215;

  /**
   * How the user set one extra output: {@code --panel FILE}, {@code --no-panel} or neither.
   *
   * @param output which output ({@code --KEY FILE} / {@code --no-KEY})
   * @param file the file given, or {@code null}
   * @param off whether the {@code --no-} form was given
   */
  record Extra(RunOutput output, Path file, boolean off) {}

  OutputPlan {
    OutputFiles files = new OutputFiles(image, panel, gif, lossPlot, record);
    for (RunOutput o : RunOutput.values()) {
      requireExtension(o, files.path(o));
    }
    Set<Path> seen = new HashSet<>();
    for (Path p : all(image, panel, gif, lossPlot, record)) {
      if (!seen.add(p.toAbsolutePath().normalize())) {
        throw new NstException("invalid output names: " + p + " is used for two outputs");
      }
    }
  }

  /**
   * The plan for {@code --output image} and the four extras.
   *
   * @throws NstException if an extra is both named and switched off, or an extension is wrong
   */
  static OutputPlan of(
      Path image, boolean noExtras, Extra panel, Extra gif, Extra lossPlot, Extra record) {
    if (image == null) {
      throw new NstException("missing value for --output");
    }
    return new OutputPlan(
        image,
        resolve(panel, noExtras, image),
        resolve(gif, noExtras, image),
        resolve(lossPlot, noExtras, image),
        resolve(record, noExtras, image));
  }

  /**
   * The snapshot file of {@code iteration}: {@code out-0100.png} next to {@code out.png}, padded to
   * at least four digits and to the width of {@code lastIteration}.
   */
  Path snapshot(int iteration, int lastIteration) {
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    int width = Math.max(4, String.valueOf(lastIteration).length());
    String number = String.format(Locale.ROOT, "%0" + width + "d", iteration);
    return image.resolveSibling(name.substring(0, dot) + "-" + number + name.substring(dot));
  }

  /** The files for {@link dev.neuralstyle.output.RunOutputs}. */
  OutputFiles files() {
    return new OutputFiles(image, panel, gif, lossPlot, record);
  }

  /** Every file that will be written, image first (snapshots not included). */
  List<Path> paths() {
    return all(image, panel, gif, lossPlot, record);
  }

  /**
   * Creates the directories of every output and checks that files can be created there, before any
   * work is done.
   *
   * @throws NstException naming the path when a directory cannot be created or written
   */
  void prepareDirectories() {
    for (Path file : paths()) {
      int bytes =
          file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > MAX_NAME_BYTES) {
        throw new NstException(
            "cannot write "
                + file.getFileName()
                + ": the name is "
                + bytes
                + " bytes long; at most "
                + MAX_NAME_BYTES
                + " (the file system's 255 minus room for temporary and snapshot names)");
      }
      if (Files.isDirectory(file)) {
        throw new NstException("cannot write " + file + ": it is a directory");
      }
      Path dir = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".neural-style-", ".probe");
        Files.delete(probe);
      } catch (IOException | SecurityException e) {
        throw new NstException(
            "cannot write to the output directory " + dir + " (for " + file + "): " + reason(e), e);
      }
    }
  }

  /**
   * Refuses to write over an input: no output may be (or be a link to) one of {@code inputs}.
   *
   * @param inputs the files the run reads, with the option that named each
   * @throws NstException naming the output and the input option
   */
  void requireNotInputs(java.util.Map<Path, String> inputs) {
    for (Path out : paths()) {
      for (java.util.Map.Entry<Path, String> in : inputs.entrySet()) {
        if (same(out, in.getKey())) {
          throw new NstException(
              "invalid output names: "
                  + out
                  + " is also the "
                  + in.getValue()
                  + " input; writing it would destroy that input (choose another --output)");
        }
      }
    }
  }

  private static boolean same(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path resolve(Extra extra, boolean noExtras, Path image) {
    String option = CliText.option(extra.output().key());
    if (extra.file() != null && extra.off()) {
      throw new NstException(
          "invalid options: "
              + option
              + " and "
              + CliText.option("no-" + extra.output().key())
              + " contradict each other");
    }
    if (extra.file() != null) {
      return extra.file();
    }
    return extra.off() || noExtras ? null : extra.output().besideImage(image);
  }

  private static void requireExtension(RunOutput output, Path file) {
    if (file == null) {
      return;
    }
    String option = CliText.option(output.key());
    List<String> allowed = output.extensions();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    if (!allowed.contains(ext)) {
      throw new NstException(
          "invalid value for "
              + option
              + ": the file name must end in ."
              + String.join(" or .", allowed)
              + ", found '"
              + file
              + "'");
    }
  }

  private static List<Path> all(Path... paths) {
    List<Path> list = new ArrayList<>();
    for (Path p : paths) {
      if (p != null) {
        list.add(p);
      }
    }
    return list;
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }
}

package dev.neuralstyle.web;

import dev.neuralstyle.jobs.JobId;
import dev.neuralstyle.output.OutputFiles;
import dev.neuralstyle.output.RunOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of job files under the data directory: {@code jobs/<id>/} holds the uploads ({@code
 * content.png}, {@code style-1.png}, …, re-encoded by the server) and the outputs. Every name is
 * generated here; a name from a client is only ever matched against existing files of this form.
 */
public final class JobFiles {
  /** The content image. */
  public static final String CONTENT = "content.png";

  /** The result image ({@link RunOutput#IMAGE}; every output's name is its job file name). */
  public static final String RESULT = RunOutput.IMAGE.jobFileName();

  /** The run record. */
  public static final String RECORD = RunOutput.RECORD.jobFileName();

  /** A small copy of the result for the gallery. */
  public static final String THUMBNAIL = "thumb.png";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}\\.(png|gif|json)");
  private static final Pattern STYLE = Pattern.compile("style-([0-9]{1,2})\\.png");

  private final Path root;

  /** Files under {@code root} (created if needed). */
  public JobFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + this.root, e);
    }
  }

  /** {@code message} without this server's job directory (clients never see server paths). */
  String hideRoot(String message) {
    return message == null ? null : message.replace(root + java.io.File.separator, "");
  }

  /** The directory of {@code id} (a job id is 16 hex digits, so this stays under the root). */
  public Path dir(JobId id) {
    return root.resolve(id.value());
  }

  /** Creates the directory of a new job. */
  public Path create(JobId id) throws IOException {
    return Files.createDirectories(dir(id));
  }

  /** The name of the {@code index}-th (1-based) style image. */
  public static String styleName(int index) {
    return "style-" + index + ".png";
  }

  /** The style images of {@code id}, in order. */
  public List<Path> styles(JobId id) throws IOException {
    List<Path> styles = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir(id))) {
      files.filter(p -> STYLE.matcher(p.getFileName().toString()).matches()).forEach(styles::add);
    }
    styles.sort(Comparator.comparingInt(JobFiles::styleIndex));
    return styles;
  }

  /** Where a run of {@code id} writes its outputs. */
  public OutputFiles outputs(JobId id) {
    Path d = dir(id);
    return OutputFiles.of(o -> d.resolve(o.jobFileName()));
  }

  /**
   * The file {@code name} of {@code id} if the name has the form of a generated name and a regular
   * file of that name exists; anything else (separators, dots, links) is not found.
   */
  public Optional<Path> find(JobId id, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = dir(id).resolve(name);
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(file)
        : Optional.empty();
  }

  /** The names of the files {@code id} has, sorted. */
  public List<String> list(JobId id) {
    if (!Files.isDirectory(dir(id))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir(id))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The content type of job file {@code name}: an output's own ({@link RunOutput}), else by the
   * extension of the server-made names (uploads, thumbnail and resume point are PNG or JSON).
   */
  static String contentType(String name) {
    return RunOutput.byJobFileName(name)
        .map(RunOutput::contentType)
        .orElse(name.endsWith(".json") ? "application/json" : "image/png");
  }

  /** Deletes the directory of {@code id} and everything in it. */
  public void delete(JobId id) throws IOException {
    Path d = dir(id);
    if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(d)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static int styleIndex(Path p) {
    Matcher m = STYLE.matcher(p.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }
}

package dev.neuralstyle.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds a batch's ordered job list: contents x styles ({@link Pairing#ALL}), pairwise ({@link
 * Pairing#ZIP}), or from a jobs file. The order is fixed by the inputs (directories are listed by
 * name), so every process of a sharded batch computes the same list.
 *
 * <p>A jobs file is CSV with a header line ({@code content,style,size,style-weight,...}; fields
 * with commas in double quotes) or JSON lines ({@code {"content": "a.jpg", "style": "b.jpg",
 * "size": 384}}), told apart by the first character. Columns or keys other than content and style
 * are per-job settings (see {@link JobSettings}); an empty CSV field keeps the batch's value.
 */
public final class JobList {
  /** File name extensions taken from a directory of images. */
  public static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp");

  private static final ObjectMapper JSON = new ObjectMapper();

  private JobList() {}

  /**
   * The jobs pairing {@code contents} with {@code styles}.
   *
   * @throws NstException when a list is empty, zip lists differ in length, or two jobs would write
   *     the same output name
   */
  public static List<BatchJob> pairs(List<String> contents, List<String> styles, Pairing pairing) {
    if (contents.isEmpty() || styles.isEmpty()) {
      throw new NstException(
          "a batch needs at least one content and one style image, found "
              + contents.size()
              + " and "
              + styles.size());
    }
    List<BatchJob> jobs = new ArrayList<>();
    if (pairing == Pairing.ZIP) {
      if (contents.size() != styles.size()) {
        throw SettingException.invalid(
            "pairs",
            "zip needs as many styles as contents, found "
                + contents.size()
                + " contents and "
                + styles.size()
                + " styles");
      }
      for (int i = 0; i < contents.size(); i++) {
        jobs.add(job(contents.get(i), styles.get(i), Map.of()));
      }
    } else {
      for (String c : contents) {
        for (String s : styles) {
          jobs.add(job(c, s, Map.of()));
        }
      }
    }
    return requireUniqueNames(jobs);
  }

  /**
   * The jobs of a jobs file's text; relative image locations go through {@code resolve} (e.g.
   * against the file's directory).
   *
   * @param source the file's name, for messages
   * @throws NstException naming the file and line of the first malformed entry
   */
  public static List<BatchJob> parse(String text, String source, UnaryOperator<String> resolve) {
    List<String> lines = text.lines().toList();
    String first =
        lines.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    List<BatchJob> jobs =
        first.startsWith("{") ? jsonLines(lines, source, resolve) : csv(lines, source, resolve);
    if (jobs.isEmpty()) {
      throw new NstException("jobs file " + source + " lists no jobs");
    }
    return requireUniqueNames(jobs);
  }

  /** Reads and parses a local jobs file; relative locations are taken from its directory. */
  public static List<BatchJob> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new NstException("cannot read jobs file " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(
        text,
        file.toString(),
        loc -> Path.of(loc).isAbsolute() ? loc : dir.resolve(loc).normalize().toString());
  }

  /**
   * Local inputs as image files: a directory stands for its image files (by extension, sorted by
   * name, not recursive), a file for itself.
   *
   * @param key the option's key, for messages ({@code content})
   * @throws NstException when an input does not exist or a directory holds no images
   */
  public static List<String> localImages(List<Path> inputs, String key) {
    List<String> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          List<String> found =
              list.filter(f -> Files.isRegularFile(f) && isImageName(f.getFileName().toString()))
                  .map(Path::toString)
                  .sorted()
                  .toList();
          if (found.isEmpty()) {
            throw SettingException.invalid(key, "directory " + p + " holds no image files");
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new NstException("cannot list " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p.toString());
      } else {
        throw SettingException.invalid(key, p + " does not exist");
      }
    }
    return files;
  }

  /** Whether a file name ends in one of {@link #IMAGE_EXTENSIONS} (any case). */
  public static boolean isImageName(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0
        && !name.startsWith(".")
        && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static BatchJob job(String content, String style, Map<String, String> settings) {
    return new BatchJob(BatchJob.nameOf(content, style), content, style, settings);
  }

  private static List<BatchJob> requireUniqueNames(List<BatchJob> jobs) {
    Map<String, BatchJob> seen = new HashMap<>();
    for (BatchJob j : jobs) {
      BatchJob other = seen.putIfAbsent(j.name(), j);
      if (other != null) {
        throw new NstException(
            "two jobs would both write "
                + j.outputName()
                + ": "
                + other.content()
                + " + "
                + other.style()
                + " and "
                + j.content()
                + " + "
                + j.style()
                + "; rename one of the images");
      }
    }
    return List.copyOf(jobs);
  }

  private static List<BatchJob> jsonLines(
      List<String> lines, String source, UnaryOperator<String> resolve) {
    List<BatchJob> jobs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new NstException(
            where(source, i) + "not a JSON object: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new NstException(where(source, i) + "not a JSON object");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      var it = node.fields();
      while (it.hasNext()) {
        var e = it.next();
        fields.put(e.getKey(), text(e.getValue()));
      }
      jobs.add(entry(fields, source, i, resolve));
    }
    return jobs;
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return String.join(",", parts);
    }
    return v.isNull() ? "" : v.asText();
  }

  private static List<BatchJob> csv(
      List<String> lines, String source, UnaryOperator<String> resolve) {
    List<String> header = null;
    List<BatchJob> jobs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) {
        continue;
      }
      List<String> cells = CsvLine.split(lines.get(i), where(source, i));
      if (header == null) {
        header = cells.stream().map(String::trim).toList();
        if (!header.contains("content") || !header.contains("style")) {
          throw new NstException(
              where(source, i)
                  + "the header must name the columns content and style, found "
                  + String.join(",", header));
        }
        continue;
      }
      if (cells.size() != header.size()) {
        throw new NstException(
            where(source, i) + header.size() + " columns in the header, " + cells.size() + " here");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        fields.put(header.get(c), cells.get(c).trim());
      }
      jobs.add(entry(fields, source, i, resolve));
    }
    return jobs;
  }

  private static BatchJob entry(
      Map<String, String> fields, String source, int line, UnaryOperator<String> resolve) {
    String content = fields.remove("content");
    String style = fields.remove("style");
    if (content == null || content.isBlank() || style == null || style.isBlank()) {
      throw new NstException(where(source, line) + "every job needs a content and a style");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (!value.isBlank()) {
            String canonical = JobSettings.canonical(name);
            if (!JobSettings.isSetting(canonical)) {
              throw new NstException(
                  where(source, line)
                      + "unknown setting '"
                      + name
                      + "' (known: "
                      + String.join(", ", JobSettings.names())
                      + ")");
            }
            settings.put(canonical, value);
          }
        });
    return job(resolve.apply(content.trim()), resolve.apply(style.trim()), settings);
  }

  private static String where(String source, int line) {
    return "jobs file " + source + ", line " + (line + 1) + ": ";
  }
}

package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A batch's log: {@code batch.jsonl} (or {@code batch-K-of-N.jsonl} for a shard), one {@link
 * JobRecord} per line. Lines are appended as jobs end, so an interrupted batch keeps what it did;
 * when the batch ends the file is rewritten (atomically) with one line per job, the latest.
 */
public final class BatchLog {
  /** The log of an unsharded batch. */
  public static final String FILE = "batch.jsonl";

  private BatchLog() {}

  /** The log's file name for {@code shard}: {@code batch.jsonl}, or {@code batch-K-of-N.jsonl}. */
  public static String fileName(Shard shard) {
    return shard.count() == 1 ? FILE : "batch-" + shard.index() + "-of-" + shard.count() + ".jsonl";
  }

  /** Whether {@code name} is a batch log's file name. */
  public static boolean isLogName(String name) {
    return name.equals(FILE) || name.matches("batch-\\d+-of-\\d+\\.jsonl");
  }

  /**
   * The latest record per job in the texts of logs (in the order given; a later line wins).
   * Unreadable lines (a line cut short by a crash) are ignored.
   */
  public static Map<String, JobRecord> latest(Collection<String> logTexts) {
    Map<String, JobRecord> latest = new LinkedHashMap<>();
    for (String text : logTexts) {
      for (String line : text.lines().toList()) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JobRecord r = JobRecord.parse(line);
          latest.remove(r.job());
          latest.put(r.job(), r);
        } catch (NstException e) {
          // a partial last line after a crash: that job simply runs again
        }
      }
    }
    return latest;
  }

  /** The latest record per job over every batch log in local directory {@code dir}. */
  public static Map<String, JobRecord> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> isLogName(f.getFileName().toString())).sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new NstException("cannot read the batch logs in " + dir + ": " + e.getMessage(), e);
    }
    return latest(texts);
  }

  /** Appends {@code record} as one line to {@code file}. */
  public static void append(Path file, JobRecord record) {
    byte[] line = (record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new NstException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The compacted log text: one line per job, the jobs of {@code order} first (in that order), then
   * any others in {@code records}.
   */
  public static String compact(List<BatchJob> order, Map<String, JobRecord> records) {
    Map<String, JobRecord> rest = new LinkedHashMap<>(records);
    StringBuilder text = new StringBuilder();
    for (BatchJob j : order) {
      JobRecord r = rest.remove(j.name());
      if (r != null) {
        text.append(r.toJson()).append('\n');
      }
    }
    rest.values().forEach(r -> text.append(r.toJson()).append('\n'));
    return text.toString();
  }

  /** Replaces {@code file} atomically with {@code text}. */
  public static void rewrite(Path file, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }
}

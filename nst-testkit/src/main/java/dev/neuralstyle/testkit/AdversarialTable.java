package dev.neuralstyle.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "category / tried / answered cleanly" table of an adversarial suite, kept while its rows run:
 * each row is recorded as tried, and as clean once all its assertions held. {@link #write} puts the
 * rows ({@code finding, name, clean}) and the per-finding summary under {@code target/}, where
 * docs/HARDENING.md takes its tables from.
 */
public final class AdversarialTable {
  private final List<String[]> rows = new ArrayList<>();

  /** A table of no rows yet. */
  public AdversarialTable() {}

  /**
   * Runs {@code check} as one row and records whether it held.
   *
   * @param finding the finding number the row belongs to
   * @param name what the row tries
   * @param check the row's assertions
   * @throws Throwable what {@code check} throws (the row then counts as tried, not clean)
   */
  public void row(String finding, String name, Check check) throws Throwable {
    boolean clean = false;
    try {
      check.run();
      clean = true;
    } finally {
      synchronized (rows) {
        rows.add(new String[] {finding, name, String.valueOf(clean)});
      }
    }
  }

  /**
   * Writes {@code target/NAME.tsv} (one row per line) and {@code target/NAME.md} (per finding: rows
   * tried, rows answered cleanly) in the working directory of the test run (the module).
   *
   * @param name the file stem, e.g. {@code adversarial-cli}
   */
  public void write(String name) {
    Map<Integer, int[]> byFinding = new TreeMap<>();
    StringBuilder tsv = new StringBuilder("finding\ttried\tclean\n");
    synchronized (rows) {
      for (String[] r : rows) {
        tsv.append(r[0]).append('\t').append(r[1]).append('\t').append(r[2]).append('\n');
        int[] n = byFinding.computeIfAbsent(Integer.parseInt(r[0]), k -> new int[2]);
        n[0]++;
        n[1] += Boolean.parseBoolean(r[2]) ? 1 : 0;
      }
    }
    StringBuilder md =
        new StringBuilder("| finding | tried | answered cleanly |\n| --- | --- | --- |\n");
    int tried = 0;
    int clean = 0;
    for (Map.Entry<Integer, int[]> e : byFinding.entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()[0]);
      md.append(" | ").append(e.getValue()[1]).append(" |\n");
      tried += e.getValue()[0];
      clean += e.getValue()[1];
    }
    md.append("| all | ").append(tried).append(" | ").append(clean).append(" |\n");
    try {
      Path dir = Files.createDirectories(Path.of("target"));
      Files.writeString(dir.resolve(name + ".tsv"), tsv);
      Files.writeString(dir.resolve(name + ".md"), md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row's assertions. */
  @FunctionalInterface
  public interface Check {
    /**
     * Runs the assertions.
     *
     * @throws Throwable when one fails
     */
    void run() throws Throwable;
  }
}

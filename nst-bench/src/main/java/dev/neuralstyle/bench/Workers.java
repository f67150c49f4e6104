package dev.neuralstyle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts one measurement process, either an {@link EngineWorker} JVM or the PyTorch reference
 * script, with the chosen allocator, and returns its {@code RESULT} line as JSON. Every result is
 * also appended to {@code results.jsonl} in the job directory.
 */
final class Workers {
  private static final String JEMALLOC = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> o;
  private final Path dir;

  /**
   * @param options the benchmark's options ({@code java-opts}, {@code python}, {@code reference},
   *     {@code allocator})
   * @param dir the job directory
   */
  Workers(Map<String, String> options, Path dir) {
    this.o = options;
    this.dir = dir;
  }

  /** The allocator both sides run with: {@code jemalloc} when installed, unless told otherwise. */
  String allocator() {
    return o.getOrDefault("allocator", Files.exists(Path.of(JEMALLOC)) ? "jemalloc" : "system");
  }

  /** Runs {@link EngineWorker} {@code mode} in a fresh JVM with this JVM's class path. */
  JsonNode java(String mode, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Djava.awt.headless=true");
    for (String opt : o.getOrDefault("java-opts", "").split(" ")) {
      if (!opt.isBlank()) {
        cmd.add(opt);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EngineWorker.class.getName());
    cmd.add(mode);
    cmd.addAll(List.of(args));
    return launch(cmd);
  }

  /** Runs the reference script in {@code mode}. */
  JsonNode python(String mode, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(o.getOrDefault("python", "/usr/bin/python3"));
    cmd.add(o.getOrDefault("reference", "bench/reference.py"));
    cmd.add(mode);
    cmd.addAll(List.of(args));
    return launch(cmd);
  }

  /**
   * The arguments of a {@code ttq} run on the job (either side): L-BFGS at {@code size} until the
   * total loss is at most {@code target} or after {@code maxEvals} evaluations, then {@code more}.
   */
  String[] ttqArgs(int size, double target, String maxEvals, String seed, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--dir",
                dir.toString(),
                "--size",
                "" + size,
                "--target",
                String.format(Locale.ROOT, "%.9g", target),
                "--max-evals",
                maxEvals,
                "--seed",
                seed));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** Appends a summary record to {@code results.jsonl}. */
  void record(JsonNode summary) throws IOException {
    append(JSON.writeValueAsString(summary));
  }

  private void append(String json) throws IOException {
    Files.writeString(
        dir.resolve("results.jsonl"),
        json + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private JsonNode launch(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    if (allocator().equals("jemalloc")) {
      pb.environment().put("LD_PRELOAD", JEMALLOC);
      pb.environment().put("MALLOC_CONF", "dirty_decay_ms:-1,muzzy_decay_ms:-1");
    }
    Process p = pb.start();
    JsonNode result = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("RESULT ")) {
          result = JSON.readTree(line.substring(7));
          append(line.substring(7));
        }
      }
    }
    int rc = p.waitFor();
    if (rc != 0 || result == null) {
      throw new IOException("exit " + rc + " without a result: " + String.join(" ", cmd));
    }
    return result;
  }
}

package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.testkit.TinyWeightFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
  @TempDir Path dir;
  private Path contents;
  private Path styles;
  private Path weights;

  @BeforeEach
  void inputs() throws IOException {
    contents = Files.createDirectories(dir.resolve("contents"));
    styles = Files.createDirectories(dir.resolve("styles"));
    TestImages.ramp(contents.resolve("a.png"), 20, 16);
    TestImages.ramp(contents.resolve("b.png"), 16, 20);
    TestImages.ramp(styles.resolve("x.png"), 16, 16);
    weights =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
  }

  private Cli.Result batch(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "batch",
                "--weights",
                weights.toString(),
                "--content-layers",
                "relu1_2",
                "--style-layers",
                "relu1_1",
                "--size",
                "16",
                "--iterations",
                "2",
                "--output-dir",
                dir.resolve("out").toString(),
                "--quiet"));
    args.addAll(Arrays.asList(extra));
    return Cli.run(env, args.toArray(String[]::new));
  }

  @Test
  void a_folder_batch_writes_every_pair_and_prints_one_summary_line() {
    Cli.Result r = batch(Map.of(), "--content", contents.toString(), "--style", styles.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("batch: 2 jobs, 2 written, 0 skipped, 0 failed"), r.out());
    assertTrue(Files.exists(dir.resolve("out/a__x.png")));
    assertTrue(Files.exists(dir.resolve("out/b__x.png")));
    assertTrue(Files.exists(dir.resolve("out/contact-sheet.png")));
    Cli.Result again =
        batch(Map.of(), "--content", contents.toString(), "--style", styles.toString());
    assertTrue(again.out().contains("0 written, 2 skipped"), again.out());
  }

  @Test
  void a_failed_job_gives_exit_code_1_after_the_others_ran() throws IOException {
    Files.writeString(contents.resolve("c.png"), "not a PNG");
    Cli.Result r = batch(Map.of(), "--content", contents.toString(), "--style", styles.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("2 written, 0 skipped, 1 failed"), r.out());
  }

  @Test
  void the_shard_index_can_come_from_the_environment() throws IOException {
    Cli.Result r =
        batch(
            Map.of("JOB_COMPLETION_INDEX", "1"),
            "--content",
            contents.toString(),
            "--style",
            styles.toString(),
            "--shard",
            "JOB_COMPLETION_INDEX/2");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(1, Files.readAllLines(dir.resolve("out/batch-2-of-2.jsonl")).size());
    assertTrue(Files.exists(dir.resolve("out/b__x.png")));
    assertTrue(!Files.exists(dir.resolve("out/a__x.png")));
  }

  @Test
  void a_bad_shard_or_a_missing_input_is_a_usage_error() {
    Cli.Result r =
        batch(
            Map.of(),
            "--content",
            contents.toString(),
            "--style",
            styles.toString(),
            "--shard",
            "3/2");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--shard"), r.err());
    assertEquals(2, batch(Map.of(), "--content", contents.toString()).exitCode());
  }

  @Test
  void without_layer_options_the_defaults_fall_back_to_the_layers_the_weights_hold() {
    Cli.Result r =
        Cli.run(
            Map.of(),
            "batch",
            "--weights",
            weights.toString(),
            "--size",
            "16",
            "--iterations",
            "2",
            "--content",
            contents.toString(),
            "--style",
            styles.toString(),
            "--output-dir",
            dir.resolve("out").toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("note: the weights lack layers of the defaults"), r.err());
    assertTrue(r.err().contains("using content relu1_2 and style relu1_1"), r.err());
    assertTrue(r.out().startsWith("batch: 2 jobs, 2 written"), r.out());
    // Chosen layers do not fall back, and name what the file lacks.
    Cli.Result chosen =
        Cli.run(
            Map.of(),
            "batch",
            "--weights",
            weights.toString(),
            "--style-layers",
            "relu3_1",
            "--size",
            "16",
            "--content",
            contents.toString(),
            "--style",
            styles.toString(),
            "--output-dir",
            dir.resolve("out2").toString());
    assertEquals(1, chosen.exitCode(), chosen.toString());
    assertTrue(chosen.err().contains("relu3_1"), chosen.err());
  }
}

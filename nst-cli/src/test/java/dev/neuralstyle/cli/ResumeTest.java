package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.testkit.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} continues a run's iteration count and loss curve. */
class ResumeTest {
  @TempDir Path dir;

  @Test
  void resume_from_a_run_record_continues_the_iteration_count_and_loss_curve() throws Exception {
    Optional<Path> shared = SharedFiles.dir();
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(shared.isPresent() && weights.isPresent(), "shared data not available");
    Path content = shared.get().resolve("images/content/tubingen.jpg");
    Path style = shared.get().resolve("images/style/starry_night.jpg");
    Path out = dir.resolve("out.png");
    Cli.Result first =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            style.toString(),
            "--weights",
            weights.get().toString(),
            "--content-layers",
            "relu2_2",
            "--style-layers",
            "relu1_1,relu2_1",
            "--size",
            "48",
            "--optimizer",
            "adam",
            "--iterations",
            "12",
            "--output",
            out.toString());
    assertEquals(0, first.exitCode(), first::toString);
    JsonNode before = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    double lastStyleBefore = last(before).get("style").asDouble();

    Cli.Result again =
        Cli.run(
            "transfer",
            "--resume",
            dir.resolve("out.json").toString(),
            "--weights",
            weights.get().toString(),
            "--iterations",
            "20");
    assertEquals(0, again.exitCode(), again::toString);
    JsonNode after = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    assertEquals(20, after.at("/result/evaluations").asInt());
    JsonNode steps = after.get("steps");
    assertEquals(20, steps.size(), "one record per Adam step, old and new");
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(i + 1, steps.get(i).get("iteration").asInt());
    }
    assertEquals(
        before.get("steps").get(0).get("style").asDouble(),
        steps.get(0).get("style").asDouble(),
        0.0,
        "the earlier curve is kept");
    // Continuing from the saved image, the loss carries on from where it was (8-bit rounding
    // aside).
    double firstResumed = steps.get(12).get("style").asDouble();
    assertTrue(firstResumed < 1.5 * lastStyleBefore, lastStyleBefore + " then " + firstResumed);
    assertTrue(Files.isRegularFile(out));
  }

  @Test
  void resume_of_a_finished_run_without_more_iterations_says_what_to_do() throws Exception {
    Optional<Path> shared = SharedFiles.dir();
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(shared.isPresent() && weights.isPresent(), "shared data not available");
    Path content = shared.get().resolve("images/content/tubingen.jpg");
    Path out = dir.resolve("done.png");
    Cli.Result first =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            content.toString(),
            "--weights",
            weights.get().toString(),
            "--content-layers",
            "relu1_1",
            "--style-layers",
            "relu1_1",
            "--size",
            "32",
            "--iterations",
            "3",
            "--output",
            out.toString());
    assertEquals(0, first.exitCode(), first::toString);
    Cli.Result again =
        Cli.run(
            "transfer",
            "--resume",
            dir.resolve("done.json").toString(),
            "--weights",
            weights.get().toString());
    assertEquals(1, again.exitCode(), again::toString);
    assertTrue(again.err().contains("raise --iterations"), again::toString);
  }

  private static JsonNode last(JsonNode record) {
    JsonNode steps = record.get("steps");
    return steps.get(steps.size() - 1);
  }
}

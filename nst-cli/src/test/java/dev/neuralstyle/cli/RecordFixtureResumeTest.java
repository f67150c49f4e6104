package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.output.record.RecordedRun;
import dev.neuralstyle.output.record.RunRecordReader;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run record written by the CLI of 2 Dec 2026 (before the settings schema, issue 13) still reads
 * and resumes. The fixture is a real run: a 48x32 synthetic content image, a 32x32 stripe style,
 * the shared partial VGG-19, Adam, 6 iterations, snapshots every 3 ({@code /tmp/nst-fixture} was
 * its folder; the test copies it and puts its own folder in the record's paths).
 */
class RecordFixtureResumeTest {
  private static final String FIXTURE = "fixtures/run-2026-12-02/";
  private static final String RECORDED_DIR = "/tmp/nst-fixture";

  @TempDir Path dir;

  @Test
  void the_old_record_reads_back_every_setting_it_was_run_with() throws IOException {
    RecordedRun run = RunRecordReader.read(copyFixture());
    StyleTransferRequest expected =
        StyleTransferRequest.builder()
            .content(dir.resolve("content.png"))
            .styles(List.of(dir.resolve("style.png")))
            .size(48)
            .contentLayers(List.of("relu2_2"))
            .styleLayers(List.of("relu1_1", "relu2_1"))
            .optimizer(dev.neuralstyle.optimize.OptimizerKind.ADAM)
            .iterations(6)
            .snapshotEvery(1)
            // the defaults of the main that wrote the record, kept in it
            .lossForm(dev.neuralstyle.loss.LossForm.NORMALIZED)
            .styleWeight(3000)
            .build();
    assertEquals(expected, run.request());
    assertEquals(6, run.evaluations());
    assertEquals(6, run.steps().size());
    assertEquals("budget", run.stopReason());
  }

  @Test
  void the_old_record_resumes_and_keeps_its_loss_curve() throws IOException {
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(weights.isPresent(), "shared weights not available");
    Path record = copyFixture();
    JsonNode before = new ObjectMapper().readTree(record.toFile());
    Cli.Result again =
        Cli.run(
            "transfer",
            "--resume",
            record.toString(),
            "--weights",
            weights.get().toString(),
            "--iterations",
            "9");
    assertEquals(0, again.exitCode(), again::toString);
    JsonNode after = new ObjectMapper().readTree(record.toFile());
    assertEquals(9, after.at("/result/evaluations").asInt());
    JsonNode steps = after.get("steps");
    assertEquals(9, steps.size(), "the 6 recorded steps and 3 new ones");
    for (int i = 0; i < 6; i++) {
      assertEquals(
          before.get("steps").get(i).get("total").asDouble(),
          steps.get(i).get("total").asDouble(),
          0.0,
          "recorded step " + (i + 1) + " is kept");
    }
    double lastBefore = before.get("steps").get(5).get("total").asDouble();
    double firstResumed = steps.get(6).get("total").asDouble();
    assertTrue(firstResumed < 1.5 * lastBefore, lastBefore + " then " + firstResumed);
    assertEquals("adam", after.at("/request/optimizer").asText());
    assertEquals(48, after.at("/request/size").asInt());
  }

  @Test
  void a_snapshot_of_the_old_run_resumes_with_its_options_given_again() throws IOException {
    Optional<Path> weights = SharedFiles.partialVgg19();
    Assumptions.assumeTrue(weights.isPresent(), "shared weights not available");
    copyFixture();
    Path out = dir.resolve("again.png");
    Cli.Result again =
        Cli.run(
            "transfer",
            "--resume",
            dir.resolve("out-0003.png").toString(),
            "--content",
            dir.resolve("content.png").toString(),
            "--style",
            dir.resolve("style.png").toString(),
            "--weights",
            weights.get().toString(),
            "--size",
            "48",
            "--content-layers",
            "relu2_2",
            "--style-layers",
            "relu1_1,relu2_1",
            "--optimizer",
            "adam",
            "--iterations",
            "5",
            "--no-extras",
            "--output",
            out.toString());
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(Files.isRegularFile(out));
  }

  /** The fixture in {@link #dir}, its record's paths pointing there; returns the record. */
  private Path copyFixture() throws IOException {
    for (String name : List.of("content.png", "style.png", "out.png", "out-0003.png")) {
      try (InputStream in = resource(name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    String json;
    try (InputStream in = resource("out.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path record = dir.resolve("out.json");
    Files.writeString(record, json.replace(RECORDED_DIR, dir.toString()));
    return record;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = RecordFixtureResumeTest.class.getResourceAsStream(FIXTURE + name);
    if (in == null) {
      throw new IOException("missing test resource " + FIXTURE + name);
    }
    return in;
  }
}

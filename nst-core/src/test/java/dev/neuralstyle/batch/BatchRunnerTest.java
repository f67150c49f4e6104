package dev.neuralstyle.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.weights.VggWeights;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static VggWeights weights;
  private static BatchEngine engine;

  @BeforeAll
  static void engine() throws IOException {
    weights = BatchFixtures.weights(shared);
    engine = new BatchEngine(weights);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private List<BatchJob> twoByTwo() throws IOException {
    Path contents = dir.resolve("contents");
    Path styles = dir.resolve("styles");
    BatchFixtures.image(contents.resolve("a.png"), 30, 24, 1);
    BatchFixtures.image(contents.resolve("b.png"), 24, 30, 2);
    BatchFixtures.image(styles.resolve("x.png"), 28, 28, 3);
    BatchFixtures.image(styles.resolve("y.png"), 32, 20, 4);
    return JobList.pairs(
        JobList.localImages(List.of(contents), "--content"),
        JobList.localImages(List.of(styles), "--style"),
        Pairing.ALL);
  }

  private BatchRunner runner(List<BatchJob> jobs, Path out) {
    return runner(engine, jobs, out);
  }

  private static BatchRunner runner(BatchEngine engine, List<BatchJob> jobs, Path out) {
    BatchJob first = jobs.get(0);
    StyleTransferRequest base =
        BatchFixtures.base(Path.of(first.content()), Path.of(first.style()));
    return new BatchRunner(engine, base, new BatchSettings(out, false, true, "test"));
  }

  @Test
  void two_by_two_writes_every_output_the_log_and_the_sheet_and_a_rerun_skips_all()
      throws IOException {
    List<BatchJob> jobs = twoByTwo();
    Path out = dir.resolve("out");
    List<BatchProgress> ends = new ArrayList<>();
    BatchSummary first;
    try (BatchEngine fresh = new BatchEngine(weights)) {
      first =
          runner(fresh, jobs, out)
              .run(
                  jobs,
                  Shard.ALL,
                  new BatchListener() {
                    @Override
                    public void jobEnded(BatchProgress p, JobRecord r, boolean skipped) {
                      ends.add(p);
                    }
                  },
                  () -> false);
      assertEquals(4, fresh.transfers());
      // Two styles at one size: their Gram matrices are computed once each, reused by the others.
      assertEquals(2, fresh.caches().styleImagesComputed());
      assertEquals(2, fresh.caches().styleImagesReused());
      assertEquals(1, fresh.caches().networksBuilt(), "one feature stack for the whole batch");
    }
    assertEquals(4, first.written(), first.describe());
    assertEquals(0, first.failed());
    assertEquals(
        List.of("a__x.png", "a__y.png", "b__x.png", "b__y.png"),
        jobs.stream().map(BatchJob::outputName).toList());
    for (BatchJob j : jobs) {
      BufferedImage img = ImageFiles.read(out.resolve(j.outputName()), 1_000_000);
      assertEquals(24, Math.max(img.getWidth(), img.getHeight()));
    }
    List<String> log = Files.readAllLines(out.resolve(BatchLog.FILE));
    assertEquals(4, log.size());
    JobRecord r = JobRecord.parse(log.get(0));
    assertEquals("a__x", r.job());
    assertTrue(r.ok());
    assertEquals(64, r.contentSha256().length());
    assertEquals(64, r.styleSha256().length());
    assertEquals(JobRequests.sha(out.resolve("a__x.png"), "output"), r.outputSha256());
    assertEquals("budget", r.stopReason());
    assertEquals(4, r.iterations());
    assertNotNull(r.finalLoss());
    assertEquals(4, ends.get(3).done());
    assertEquals(4, ends.get(3).total());
    assertTrue(Double.isFinite(ends.get(0).etaSeconds()));
    BufferedImage sheet = ImageFiles.read(out.resolve(ContactSheet.FILE), 10_000_000);
    assertTrue(
        sheet.getWidth() >= 3 * ContactSheet.TILE && sheet.getHeight() >= 3 * ContactSheet.TILE);

    FileTime written = Files.getLastModifiedTime(out.resolve("a__x.png"));
    int before = engine.transfers();
    BatchSummary again = runner(jobs, out).run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    assertEquals(4, again.skipped(), again.describe());
    assertEquals(0, again.written());
    assertEquals(before, engine.transfers(), "a rerun computes nothing");
    assertEquals(written, Files.getLastModifiedTime(out.resolve("a__x.png")));
    assertEquals(4, Files.readAllLines(out.resolve(BatchLog.FILE)).size());
  }

  @Test
  void cached_targets_and_network_give_the_same_loss_as_a_single_transfer() throws IOException {
    List<BatchJob> jobs = twoByTwo();
    Path out = dir.resolve("out");
    runner(jobs, out).run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    Map<String, JobRecord> log = BatchLog.read(out);
    BatchJob last = jobs.get(3); // its style's targets came from the cache
    StyleTransferRequest request =
        BatchFixtures.base(Path.of(last.content()), Path.of(last.style()));
    StyleTransferResult alone;
    try (StyleTransfer single = new StyleTransfer(weights, weights.preprocessing())) {
      alone = single.run(request, e -> {}, () -> false);
    }
    double expected = alone.steps().get(alone.steps().size() - 1).total();
    assertEquals(expected, log.get(last.name()).finalLoss(), Math.abs(expected) * 1e-6);
  }

  @Test
  void a_corrupt_input_fails_only_its_job_and_the_rerun_tries_it_again() throws IOException {
    Path good = BatchFixtures.image(dir.resolve("in/good.png"), 24, 24, 1);
    Path style = BatchFixtures.image(dir.resolve("in/style.png"), 24, 24, 3);
    Path broken = dir.resolve("in/broken.png");
    byte[] png = Files.readAllBytes(good);
    Files.write(broken, java.util.Arrays.copyOf(png, png.length / 3));
    List<BatchJob> jobs =
        JobList.pairs(
            List.of(broken.toString(), good.toString()), List.of(style.toString()), Pairing.ALL);
    Path out = dir.resolve("out");
    BatchRunner runner =
        new BatchRunner(
            engine, BatchFixtures.base(good, style), new BatchSettings(out, false, true, "t"));
    BatchSummary s = runner.run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    assertEquals(1, s.failed());
    assertEquals(1, s.written());
    assertFalse(Files.exists(out.resolve("broken__style.png")));
    assertTrue(Files.exists(out.resolve("good__style.png")));
    JobRecord failed = BatchLog.read(out).get("broken__style");
    assertEquals(JobRecord.FAILED, failed.status());
    assertTrue(failed.error().contains("broken.png"), failed.error());
    assertNull(failed.output());
    BatchSummary again = runner.run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    assertEquals(1, again.skipped());
    assertEquals(1, again.failed(), "a failed job is not skipped");
  }

  @Test
  void shards_one_and_two_of_two_write_every_job_once_and_an_unsharded_rerun_merges_the_logs()
      throws IOException {
    List<BatchJob> jobs = twoByTwo();
    Path out = dir.resolve("out");
    BatchSummary one =
        runner(jobs, out).run(jobs, new Shard(1, 2), BatchListener.NONE, () -> false);
    BatchSummary two =
        runner(jobs, out).run(jobs, new Shard(2, 2), BatchListener.NONE, () -> false);
    assertEquals(2, one.written());
    assertEquals(2, two.written());
    Set<String> logged = new HashSet<>();
    for (String log : List.of("batch-1-of-2.jsonl", "batch-2-of-2.jsonl")) {
      for (String line : Files.readAllLines(out.resolve(log))) {
        assertTrue(logged.add(JobRecord.parse(line).job()), "job logged twice: " + line);
      }
    }
    assertEquals(Set.of("a__x", "a__y", "b__x", "b__y"), logged);
    BatchSummary merged = runner(jobs, out).run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    assertEquals(4, merged.skipped());
    assertEquals(4, Files.readAllLines(out.resolve(BatchLog.FILE)).size());
  }

  @Test
  void a_jobs_file_setting_applies_to_its_job_only() throws IOException {
    Path c = BatchFixtures.image(dir.resolve("in/c.png"), 30, 30, 1);
    Path s = BatchFixtures.image(dir.resolve("in/s.png"), 24, 24, 2);
    Path file =
        Files.writeString(
            dir.resolve("in/jobs.jsonl"),
            "{\"content\": \"c.png\", \"style\": \"s.png\", \"size\": 16, \"scales\": [16]}\n");
    List<BatchJob> jobs = JobList.read(file);
    Path out = dir.resolve("out");
    new BatchRunner(engine, BatchFixtures.base(c, s), new BatchSettings(out, true, false, "t"))
        .run(jobs, Shard.ALL, BatchListener.NONE, () -> false);
    BufferedImage img = ImageFiles.read(out.resolve("c__s.png"), 1_000_000);
    assertEquals(16, img.getWidth());
    assertTrue(Files.exists(out.resolve("c__s.json")), "extras on: the run record");
    assertTrue(Files.exists(out.resolve("c__s-panel.png")));
    assertFalse(Files.exists(out.resolve(ContactSheet.FILE)));
  }
}

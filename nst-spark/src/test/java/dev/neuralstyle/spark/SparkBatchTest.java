package dev.neuralstyle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.batch.BatchLog;
import dev.neuralstyle.batch.ContactSheet;
import dev.neuralstyle.batch.JobRecord;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.testkit.TinyWeightFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local mode: one executor thread, each task tried at most twice. */
class SparkBatchTest {
  @TempDir static Path in;
  @TempDir Path out;

  private static JavaSparkContext sc;
  private static Path weights;

  @BeforeAll
  static void start() throws IOException {
    weights =
        TinyWeightFiles.writeSafetensors(
            in.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    image(in.resolve("contents/a.png"), 30, 24, 1);
    image(in.resolve("contents/b.png"), 24, 30, 2);
    image(in.resolve("styles/x.png"), 28, 28, 3);
    image(in.resolve("styles/y.png"), 32, 20, 4);
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[1,2]")
                .setAppName("nst-spark test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  private SparkBatchOptions options() {
    return SparkBatchOptions.parse(
        "--content", in.resolve("contents").toString(),
        "--style", in.resolve("styles").toString(),
        "--output-dir", out.toString(),
        "--weights", weights.toString(),
        "--content-layers", "relu1_2",
        "--style-layers", "relu1_1,relu1_2",
        "--size", "24",
        "--scales", "24",
        "--iterations", "3",
        "--tolerance", "0");
  }

  @Test
  void without_layer_options_the_defaults_fall_back_to_the_layers_the_weights_hold()
      throws IOException {
    SparkBatchOptions defaults =
        SparkBatchOptions.parse(
            "--content", in.resolve("contents/a.png").toString(),
            "--style", in.resolve("styles/x.png").toString(),
            "--output-dir", out.toString(),
            "--weights", weights.toString(),
            "--size", "24",
            "--iterations", "2");
    SparkBatch.Summary s = SparkBatch.run(sc, defaults, TaskHook.NONE);
    assertEquals(
        1, s.written(), s.describe() + ": " + Files.readString(out.resolve(BatchLog.FILE)));
    assertTrue(Files.exists(out.resolve("a__x.png")));
  }

  @Test
  void every_job_becomes_a_task_that_writes_its_output_and_a_rerun_skips_all() throws IOException {
    SparkBatch.Summary first = SparkBatch.run(sc, options(), TaskHook.NONE);
    assertEquals(4, first.written(), first.describe());
    for (String name : List.of("a__x", "a__y", "b__x", "b__y")) {
      BufferedImage img = ImageFiles.read(out.resolve(name + ".png"), 1_000_000);
      assertEquals(24, Math.max(img.getWidth(), img.getHeight()));
    }
    List<String> log = Files.readAllLines(out.resolve(BatchLog.FILE));
    assertEquals(4, log.size());
    JobRecord r = JobRecord.parse(log.get(0));
    assertTrue(r.ok());
    assertEquals(64, r.contentSha256().length());
    assertTrue(r.output().endsWith("a__x.png"), r.output());
    assertTrue(Files.size(out.resolve(ContactSheet.FILE)) > 0);
    assertEquals(List.of(), leftovers());

    SparkBatch.Summary again = SparkBatch.run(sc, options(), TaskHook.NONE);
    assertEquals(4, again.skipped(), again.describe());
    assertEquals(0, again.written());
    assertEquals(4, Files.readAllLines(out.resolve(BatchLog.FILE)).size());
  }

  @Test
  void a_task_that_fails_once_is_retried_and_leaves_one_good_output() throws IOException {
    TaskHook failFirstAttempt =
        (job, attempt) -> {
          if (job.equals("b__y") && attempt == 0) {
            throw new IOException("injected failure after the temporary file was written");
          }
        };
    SparkBatch.Summary s = SparkBatch.run(sc, options(), failFirstAttempt);
    assertEquals(4, s.written(), s.describe());
    assertEquals(0, s.failed());
    assertEquals(List.of(), leftovers(), "no temporary or duplicate file");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().contains("b__y")).count());
    }
    assertTrue(ImageIO.read(out.resolve("b__y.png").toFile()) != null);
    assertTrue(BatchLog.read(out).get("b__y").ok());
  }

  /** Files other than the outputs, the log, the sheet and Hadoop's checksum files. */
  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.matches("[ab]__[xy]\\.png|batch\\.jsonl|contact-sheet\\.png"))
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  private static void image(Path file, int w, int h, int seed) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (((x * (6 + seed * 3)) & 0xff) << 16) | (((y * (8 + seed)) & 0xff) << 8));
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }
}

package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed recipes on the seeds' own files: seeded VGG-16 weights written by the real tools
 * (make_format_fixtures.py --vgg16: protobuf for a GraphDef with the Hvass notebook's structure,
 * np.save for machrisaa's vgg16.npy). {@code --preset hvass} runs on each with the model detected
 * from the file and the file's convention recorded; {@code --preprocessing} overrides it. Skips
 * without Debian's /usr/bin/python3 (numpy, protobuf).
 */
class SeedFilesTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeSeedFiles() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Path script = Path.of("../nst-core/src/test/resources/fixtures/make_format_fixtures.py");
    Assumptions.assumeTrue(Files.isExecutable(python) && Files.isRegularFile(script), "no python");
    Process p =
        new ProcessBuilder(python.toString(), script.toString(), "--vgg16", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("vgg16.log").toFile())
            .start();
    Assumptions.assumeTrue(p.waitFor(300, TimeUnit.SECONDS), "fixture script timed out");
    String log = Files.readString(dir.resolve("vgg16.log"));
    Assumptions.assumeFalse(log.contains("ModuleNotFoundError"), log);
    assertEquals(0, p.exitValue(), log);
    TestImages.ramp(dir.resolve("content.png"), 40, 32);
    TestImages.ramp(dir.resolve("style.png"), 32, 40);
  }

  @Test
  void weights_info_detects_vgg16_and_the_files_conventions() {
    Cli.Result tf = Cli.run("weights", "info", dir.resolve("vgg16.tfmodel").toString());
    assertEquals(0, tf.exitCode(), tf.toString());
    assertTrue(tf.out().contains("model:       vgg16"), tf.out());
    assertTrue(tf.out().contains("graph input 'images' -> Mul 255"), tf.out());
    assertTrue(tf.out().contains("feed RGB 0..1"), tf.out());
    Cli.Result npy = Cli.run("weights", "info", dir.resolve("vgg16.npy").toString());
    assertEquals(0, npy.exitCode(), npy.toString());
    assertTrue(npy.out().contains("model:       vgg16"), npy.out());
    assertTrue(npy.out().contains("machrisaa"), npy.out());
  }

  @Test
  void preset_hvass_runs_on_the_hvass_graph_with_its_convention() throws IOException {
    JsonNode weights = transfer("vgg16.tfmodel", "tf");
    assertEquals("TF_GRAPHDEF", weights.at("/format").asText());
    assertEquals("vgg16", weights.at("/model").asText());
    assertEquals("caffe", weights.at("/convention").asText());
    assertTrue(weights.at("/fileFacts/input_convention").asText().contains("Mul 255"));
  }

  @Test
  void preset_hvass_runs_on_vgg16_npy_and_preprocessing_overrides_the_file() throws IOException {
    JsonNode weights = transfer("vgg16.npy", "npy", "--preprocessing", "torchvision");
    assertEquals("NUMPY_NPY", weights.at("/format").asText());
    assertEquals("vgg16", weights.at("/model").asText());
    assertEquals("torchvision", weights.at("/convention").asText());
  }

  private static JsonNode transfer(String file, String name, String... extra) throws IOException {
    String[] base = {
      "transfer",
      "--preset",
      "hvass",
      "--content",
      dir.resolve("content.png").toString(),
      "--style",
      dir.resolve("style.png").toString(),
      "--weights",
      dir.resolve(file).toString(),
      "--size",
      "32",
      "--iterations",
      "2",
      "--quiet",
      "--no-panel",
      "--no-gif",
      "--no-loss-plot",
      "--output",
      dir.resolve(name + ".png").toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode record = new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
    assertEquals("vgg16", record.at("/request/model").asText());
    assertEquals("gd", record.at("/request/optimizer").asText());
    return record.at("/weights");
  }
}

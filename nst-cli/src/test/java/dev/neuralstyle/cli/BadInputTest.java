package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.testkit.TinyWeightFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of issue 3 fails with one line naming the problem, the right exit code (2 for an
 * invalid option value, 1 for a file or environment problem) and no output file.
 */
class BadInputTest {
  @TempDir Path dir;
  private Path in;
  private Path out;
  private Path content;
  private Path style;
  private Path weights;

  @BeforeEach
  void inputs() throws IOException {
    in = Files.createDirectories(dir.resolve("in"));
    out = dir.resolve("out");
    content = TestImages.ramp(in.resolve("content.png"), 40, 30);
    style = TestImages.ramp(in.resolve("style.png"), 32, 32);
    // conv1_1 and conv1_2 only.
    weights =
        TinyWeightFiles.writeSafetensors(
            in.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
  }

  @Test
  void missing_content_file() {
    fails(
        1,
        "content image " + in.resolve("nope.jpg") + " does not exist",
        "--content",
        in.resolve("nope.jpg").toString());
  }

  @Test
  void content_that_is_not_an_image() throws IOException {
    Path text = Files.writeString(in.resolve("notes.jpg"), "just text, not a JPEG");
    fails(1, "notes.jpg", "--content", text.toString());
  }

  @Test
  void corrupt_style_image() throws IOException {
    byte[] png = Files.readAllBytes(style);
    Path broken = Files.write(in.resolve("broken.png"), Arrays.copyOf(png, png.length / 3));
    fails(1, "broken.png", "--style", broken.toString());
  }

  @Test
  void image_over_the_pixel_cap() {
    fails(1, "content.png", "--max-pixels", "1000");
  }

  @Test
  void unknown_layer_name() {
    fails(
        2,
        "invalid value for --style-layers: 'relu9_1' is not a vgg19 layer",
        "--style-layers",
        "relu1_1,relu9_1");
  }

  @Test
  void unknown_precision() {
    fails(2, "invalid value for --precision: 'int8'", "--precision", "int8");
  }

  @Test
  void half_precision_on_the_cpu() {
    fails(1, "invalid value for --precision: fp16 is for GPUs", "--precision", "fp16");
  }

  @Test
  void layer_missing_from_the_weights_file() {
    fails(1, "has no conv2_1", "--content-layers", "relu2_1", "--style-layers", "relu1_1");
  }

  @Test
  void negative_weight() {
    fails(
        2,
        "invalid value for --style-weight: must be a finite number >= 0, found -1.0",
        "--style-weight",
        "-1");
  }

  @Test
  void non_finite_weight() {
    fails(
        2,
        "invalid value for --tv-weight: must be a finite number >= 0, found NaN",
        "--tv-weight",
        "NaN");
    fails(
        2,
        "invalid value for --content-weight: must be a finite number >= 0, found Infinity",
        "--content-weight",
        "Infinity");
  }

  @Test
  void negative_style_layer_weight() {
    fails(2, "invalid value for --style-layer-weights", "--style-layer-weights", "1,-0.5");
  }

  @Test
  void zero_iterations() {
    fails(
        2,
        "invalid value for --iterations: must be between 1 and 10000000, found 0",
        "--iterations",
        "0");
  }

  @Test
  void style_blend_count_mismatch() {
    fails(
        2,
        "invalid value for --style-blend: 3 weights given for 1 style images",
        "--style-blend",
        "0.5,0.3,0.2");
  }

  @Test
  void unknown_output_extension() {
    fails(
        2,
        "invalid value for --output: the file name must end in .png or .jpg or .jpeg",
        "--output",
        out.resolve("result.bmp").toString());
  }

  @Test
  void unwritable_output_path() throws IOException {
    // A regular file where the output directory should be (permissions do not stop root).
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    fails(
        1,
        "cannot write to the output directory",
        "--output",
        blocker.resolve("sub/out.png").toString());
  }

  @Test
  void unknown_enum_value() {
    fails(2, "Invalid value for option '--optimizer'", "--optimizer", "sgd");
  }

  @Test
  void no_weights_anywhere_says_how_to_get_them() {
    Cli.Result r =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            style.toString(),
            "--cache-dir",
            dir.resolve("empty-cache").toString(),
            "--output",
            out.resolve("out.png").toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.err().contains("run 'neural-style weights download vgg19' or pass --weights FILE"),
        r::toString);
    assertNoOutputs();
  }

  @Test
  void weights_named_by_the_environment_must_exist() {
    Cli.Result r =
        Cli.run(
            Map.of(WeightsResolver.ENV_VAR, in.resolve("gone.pth").toString()),
            "transfer",
            "--content",
            content.toString(),
            "--style",
            style.toString(),
            "--output",
            out.resolve("out.png").toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: weights file "), r::toString);
    assertTrue(r.err().contains("$NEURAL_STYLE_WEIGHTS"), r::toString);
  }

  @Test
  void stack_trace_only_with_verbose() {
    Cli.Result quiet = run("--content", in.resolve("nope.jpg").toString());
    assertFalse(quiet.err().contains("\tat "), quiet::toString);
    Cli.Result verbose = run("--content", in.resolve("nope.jpg").toString(), "--verbose");
    assertEquals(1, verbose.exitCode());
    assertTrue(verbose.err().contains("\tat "), verbose::toString);
  }

  /** Runs with valid arguments overridden by {@code overrides} and checks the failure. */
  private void fails(int exitCode, String message, String... overrides) {
    Cli.Result r = run(overrides);
    assertEquals(exitCode, r.exitCode(), r::toString);
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: "), r::toString);
    assertTrue(first.contains(message), () -> "expected '" + message + "' in\n" + r);
    assertFalse(r.err().contains("\tat "), "stack trace without --verbose:\n" + r);
    assertNoOutputs();
  }

  private Cli.Result run(String... overrides) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--content", content.toString());
    options.put("--style", style.toString());
    options.put("--weights", weights.toString());
    options.put("--content-layers", "relu1_2");
    options.put("--style-layers", "relu1_1");
    options.put("--size", "32");
    options.put("--iterations", "3");
    options.put("--output", out.resolve("out.png").toString());
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < overrides.length; i++) {
      boolean hasValue = i + 1 < overrides.length && !overrides[i + 1].startsWith("--");
      if (hasValue) {
        options.put(overrides[i], overrides[++i]);
      } else {
        flags.add(overrides[i]);
      }
    }
    List<String> args = new ArrayList<>(List.of("transfer"));
    options.forEach((k, v) -> args.addAll(List.of(k, v)));
    args.addAll(flags);
    return Cli.run(args.toArray(String[]::new));
  }

  private void assertNoOutputs() {
    if (!Files.exists(out)) {
      return;
    }
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> written = files.filter(Files::isRegularFile).toList();
      assertTrue(written.isEmpty(), "files were written: " + written);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

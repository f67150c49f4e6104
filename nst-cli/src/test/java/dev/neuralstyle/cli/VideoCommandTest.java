package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.testkit.TinyWeightFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neural-style video}: options shared with transfer, a run end to end, bad input. */
class VideoCommandTest {
  @TempDir Path dir;
  private Path frames;
  private Path style;
  private Path weights;

  @BeforeEach
  void inputs() throws IOException {
    frames = Files.createDirectories(dir.resolve("frames"));
    for (int i = 1; i <= 3; i++) {
      TestImages.ramp(frames.resolve("f" + i + ".png"), 24, 20);
    }
    style = TestImages.ramp(dir.resolve("style.png"), 24, 24);
    weights =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
  }

  private Cli.Result video(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "video",
                "--style",
                style.toString(),
                "--weights",
                weights.toString(),
                "--content-layers",
                "relu1_2",
                "--style-layers",
                "relu1_1",
                "--size",
                "24",
                "--iterations",
                "3"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void help_shows_the_transfer_settings_and_the_video_ones_with_defaults() {
    Cli.Result r = Cli.run("video", "--help");
    assertEquals(0, r.exitCode(), r.toString());
    for (String option :
        List.of(
            "--style-layers", "--content-weight", "--optimizer", "--temporal-weight", "--flow")) {
      assertTrue(r.out().contains(option), option + "\n" + r.out());
    }
    assertTrue(r.out().contains("Default: 100.0"), r.out());
    assertTrue(r.out().contains("Default: dis"), r.out());
  }

  @Test
  void a_folder_of_frames_becomes_a_gif_with_progress() {
    Path out = dir.resolve("out.gif");
    Cli.Result r = video("--content", frames.toString(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.isRegularFile(out));
    assertTrue(r.err().contains("frame 3/3 done"), r.err());
    assertTrue(r.out().contains("wrote " + out), r.out());
    assertFalse(Files.exists(dir.resolve("out.gif.frames")));
  }

  @Test
  void a_file_that_is_not_a_video_fails_with_one_line_and_no_output() throws IOException {
    Path notVideo = Files.writeString(dir.resolve("clip.mp4"), "hello");
    Path outDir = Files.createDirectories(dir.resolve("o"));
    Cli.Result r =
        video("--content", notVideo.toString(), "--output", outDir.resolve("out.mp4").toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().startsWith("error: content clip "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    try (Stream<Path> left = Files.list(outDir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void a_negative_temporal_weight_is_a_usage_error() {
    Cli.Result r =
        video(
            "--content",
            frames.toString(),
            "--output",
            dir.resolve("x.mp4").toString(),
            "--temporal-weight",
            "-1");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--temporal-weight"), r.err());
  }

  @Test
  void without_layer_flags_the_default_layers_follow_the_weights_as_for_transfer() {
    Path out = dir.resolve("fallback");
    Cli.Result r =
        Cli.run(
            "video",
            "--style",
            style.toString(),
            "--weights",
            weights.toString(),
            "--size",
            "24",
            "--iterations",
            "3",
            "--content",
            frames.toString(),
            "--output",
            out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("note: the weights lack layers of the defaults"), r.err());
    assertTrue(r.err().contains("using content relu1_2 and style relu1_1"), r.err());
    assertTrue(r.err().contains("frame 2/3 done"), r.err());
    assertTrue(r.err().contains("+ temporal "), "per-frame terms\n" + r.err());
    assertEquals(3, dev.neuralstyle.video.ClipReader.folderFrames(out).size());
  }
}

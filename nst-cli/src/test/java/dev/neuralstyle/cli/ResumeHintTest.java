package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.testkit.TinyWeightFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command printed after Ctrl-C, and which weights a resumed run may be given. */
class ResumeHintTest {
  @TempDir Path dir;

  @Test
  void the_command_keeps_every_argument_and_replaces_resume_and_init() {
    String c =
        ResumeHint.command(
            List.of(
                "transfer",
                "--content",
                "my photo.jpg",
                "--resume",
                "old.json",
                "--init=noise",
                "--style",
                "it's.png",
                "--size",
                "64"),
            Path.of("out dir/r.json"));
    assertEquals(
        "neural-style transfer --content 'my photo.jpg' --style 'it'\\''s.png' --size 64"
            + " --resume 'out dir/r.json'",
        c);
  }

  @Test
  void a_resumed_run_keeps_its_weights_a_copy_is_accepted_another_file_refused() throws Exception {
    Path content = TestImages.ramp(dir.resolve("c.png"), 24, 16);
    Path weights =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("w.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    Cli.Result run =
        Cli.run(
            "transfer",
            "--content",
            content.toString(),
            "--style",
            content.toString(),
            "--weights",
            weights.toString(),
            "--size",
            "16",
            "--iterations",
            "2",
            "--content-layers",
            "relu1_2",
            "--style-layers",
            "relu1_1",
            "--output",
            dir.resolve("r.png").toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run::toString);
    String record = dir.resolve("r.json").toString();

    assertEquals(weights, Cli.transferOptions("--resume", record).weights());
    Path copy = Files.copy(weights, dir.resolve("copy.safetensors"));
    assertEquals(
        copy, Cli.transferOptions("--resume", record, "--weights", copy.toString()).weights());

    Path other =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("other.safetensors"), TinyWeightFiles.vgg19Convs(2, 8), Map.of());
    NstException e =
        assertThrows(
            NstException.class,
            () -> Cli.transferOptions("--resume", record, "--weights", other.toString()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "invalid value for --weights: "
                    + other
                    + " is not the weights file the run record "
                    + record
                    + " ran with ("
                    + weights
                    + ", SHA-256 "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("leave out --weights, or give that file or a copy of it"));
  }
}

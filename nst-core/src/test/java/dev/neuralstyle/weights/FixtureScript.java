package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs make_format_fixtures.py with Debian's /usr/bin/python3 (numpy, scipy, protobuf, and torch
 * and PIL for {@code --normalise}); the calling test is skipped when that interpreter or one of its
 * modules is missing.
 */
final class FixtureScript {
  private FixtureScript() {}

  /** Runs the script with {@code args} in {@code dir}; returns its output. */
  static String run(Path dir, String... args) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    List<String> command = new ArrayList<>(List.of(python.toString()));
    command.add(Fixtures.file("make_format_fixtures.py").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "script", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assumptions.abort("make_format_fixtures.py timed out");
    }
    String out = Files.readString(log);
    Assumptions.assumeFalse(
        out.contains("ModuleNotFoundError"), "python3 modules missing for the fixtures: " + out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}

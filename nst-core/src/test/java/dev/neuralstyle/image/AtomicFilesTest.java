package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
    Path target = dir.resolve("out.json");
    AtomicFiles.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
    assertEquals("two", Files.readString(target));
    assertEquals(List.of(target), listing());
  }

  @Test
  void failedWriteKeepsTheOldFileAndCleansUp() throws IOException {
    Path target = dir.resolve("out.png");
    Files.write(target, new byte[] {1, 2, 3});
    NstException e =
        assertThrows(
            NstException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[1000]);
                      throw new IOException("disk full");
                    }));
    assertEquals("cannot write " + target + ": IOException: disk full", e.getMessage());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of(target), listing());
  }

  @Test
  void imageWriteLeavesOnlyTheTarget() throws IOException {
    Path target = dir.resolve("img.jpg");
    ImageFiles.write(TestImages.noise(20, 20, 4), target);
    assertEquals(List.of(target), listing());
    assertTrue(Files.size(target) > 0);
  }

  @Test
  void missingDirectoryIsNamed() {
    Path target = dir.resolve("no-such-dir").resolve("out.png");
    NstException e =
        assertThrows(NstException.class, () -> AtomicFiles.write(target, out -> out.write(1)));
    assertEquals(
        "cannot write " + target + ": directory " + target.getParent() + " does not exist",
        e.getMessage());
  }

  @Test
  void unwritableDirectoryIsNamed() throws IOException {
    // A regular file used as a directory cannot be written into, even by root.
    Path notADir = Files.createFile(dir.resolve("plain-file"));
    Path target = notADir.resolve("out.png");
    NstException e =
        assertThrows(NstException.class, () -> ImageFiles.write(TestImages.solid(2, 2, 0), target));
    assertTrue(e.getMessage().startsWith("cannot write " + target + ": directory "));
    assertTrue(e.getMessage().contains(notADir.toString()));
  }
}

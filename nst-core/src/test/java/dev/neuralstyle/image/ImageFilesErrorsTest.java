package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesErrorsTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private String readError(Path file) {
    NstException e =
        assertThrows(NstException.class, () -> ImageFiles.read(file, "style image", 1_000_000));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("style image " + file + " "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void missingFile() {
    assertTrue(readError(dir.resolve("nope.jpg")).endsWith("does not exist"));
  }

  @Test
  void directory() {
    assertTrue(readError(dir).contains("is a directory"));
  }

  @Test
  void emptyFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.png"));
    assertTrue(readError(file).contains("is empty"));
  }

  @Test
  void notAnImage() throws IOException {
    Path file = dir.resolve("notes.png");
    Files.write(file, "hello, this is text\n".repeat(20).getBytes(StandardCharsets.UTF_8));
    assertTrue(readError(file).contains("is not an image"));
  }

  @Test
  void truncatedPng() throws IOException {
    byte[] png = TestImages.encode(TestImages.noise(64, 64, 2), "png");
    Path file = dir.resolve("cut.png");
    Files.write(file, Arrays.copyOf(png, png.length / 2));
    assertTrue(readError(file).contains("is truncated or corrupt (PNG decoder"));
  }

  @Test
  void truncatedJpeg() throws IOException {
    byte[] jpeg = TestImages.encode(TestImages.noise(64, 64, 3), "jpeg");
    Path file = dir.resolve("cut.jpg");
    Files.write(file, Arrays.copyOf(jpeg, jpeg.length / 2));
    assertTrue(readError(file).contains("is truncated or corrupt (JPEG decoder"));
  }

  @Test
  void headerOnlyPngIsCorrupt() throws IOException {
    Path file = dir.resolve("header.png");
    Files.write(file, TestImages.pngHeader(10, 10));
    assertTrue(readError(file).contains("is truncated or corrupt"));
  }

  @Test
  void unknownOutputExtension() {
    NstException e =
        assertThrows(
            NstException.class,
            () -> ImageFiles.write(TestImages.solid(2, 2, 0), dir.resolve("out.webp")));
    assertEquals(
        "cannot write "
            + dir.resolve("out.webp")
            + ": unknown image extension (use .png, .jpg or .jpeg)",
        e.getMessage());
  }
}

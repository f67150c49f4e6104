package dev.neuralstyle.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipIoTest {
  @TempDir Path dir;

  private List<Path> frames(int count) throws IOException {
    Path folder = Pan.folder(dir.resolve("in"), 48, 32, count, 2, 5);
    return ClipReader.folderFrames(folder);
  }

  private static ClipInfo read(Path input, List<BufferedImage> sink) {
    return ClipReader.read(input, 1000, 24, Long.MAX_VALUE, sink::add);
  }

  @Test
  void decode_then_encode_keeps_frame_count_size_and_fps() throws IOException {
    List<Path> frames = frames(5);
    for (String ext : List.of(".mp4", ".webm", ".gif")) {
      Path out = dir.resolve("clip" + ext);
      ClipWriter.write(frames, 12.5, null, out);
      List<BufferedImage> decoded = new ArrayList<>();
      ClipInfo info = read(out, decoded);
      assertEquals(5, info.frames(), ext);
      assertEquals(5, decoded.size(), ext);
      assertEquals(48, info.width(), ext);
      assertEquals(32, info.height(), ext);
      // A GIF stores delays in 1/100 s: 8 cs is 12.5 fps exactly.
      assertEquals(12.5, info.fps(), 0.01, ext);
      assertFalse(info.audio());
      BufferedImage first = ImageFiles.read(frames.get(0), Long.MAX_VALUE);
      double diff = meanDifference(first, decoded.get(0));
      assertTrue(diff < 12, ext + " frame 1 differs by " + diff + " levels on average");
    }
  }

  @Test
  void frame_folders_are_read_in_numeric_order_and_capped_to_even_sizes() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("numbers"));
    List<BufferedImage> pan = Pan.frames(45, 31, 3, 2, 9);
    String[] names = {"frame2.png", "frame10.png", "frame1.png"};
    int[] order = {1, 2, 0};
    for (int i = 0; i < 3; i++) {
      ImageFiles.write(copy(pan.get(order[i])), folder.resolve(names[i]));
    }
    assertEquals(
        List.of("frame1.png", "frame2.png", "frame10.png"),
        ClipReader.folderFrames(folder).stream().map(p -> p.getFileName().toString()).toList());
    List<BufferedImage> sink = new ArrayList<>();
    ClipInfo info = ClipReader.read(folder, 30, 10, Long.MAX_VALUE, sink::add);
    assertEquals(3, info.frames());
    assertEquals(30, info.width()); // 45x31 capped to 30x20.7, made even
    assertEquals(20, info.height());
    assertEquals(10, info.fps());
  }

  @Test
  void bad_inputs_fail_with_one_line_naming_the_file() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");
    assertMessage(text, "is not a video or GIF that FFmpeg can read");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertMessage(empty, "holds no images");
    assertMessage(dir.resolve("missing.mp4"), "does not exist");
    Path mixed = Pan.folder(dir.resolve("mixed"), 32, 32, 2, 1, 1);
    ImageFiles.write(
        new BufferedImage(30, 32, BufferedImage.TYPE_INT_RGB), mixed.resolve("f03.png"));
    assertMessage(mixed, "f03.png is 30x32 but f01.png is 32x32");
    List<Path> frames = frames(6);
    Path good = dir.resolve("good.mkv");
    ClipWriter.write(frames, 24, null, good);
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = dir.resolve("truncated.mkv");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
    NstException e = assertThrows(NstException.class, () -> read(truncated, new ArrayList<>()));
    assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  private void assertMessage(Path input, String expected) {
    NstException e = assertThrows(NstException.class, () -> read(input, new ArrayList<>()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(input.getFileName().toString()), e.getMessage());
  }

  private static double meanDifference(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int s = 0; s < 24; s += 8) {
          sum += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static BufferedImage copy(BufferedImage sub) {
    BufferedImage out =
        new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(sub, 0, 0, null);
    return out;
  }
}

package dev.neuralstyle.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame loop end to end on a synthetic pan, with tiny seeded VGG weights. */
class VideoTransferTest {
  private static StyleTransfer engine;

  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    engine =
        new StyleTransfer(new SeededVggWeights(VggModel.VGG19, "conv1_2", 3), Preprocessing.CAFFE);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private Path style() {
    BufferedImage s = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        s.setRGB(x, y, ((x / 4 + y / 4) % 2 == 0) ? 0xd04010 : 0x1040c0);
      }
    }
    Path p = dir.resolve("style.png");
    ImageFiles.write(s, p);
    return p;
  }

  private VideoRequest request(Path input, Path output, double temporalWeight, InitSpec init) {
    StyleTransferRequest t =
        StyleTransferRequest.builder()
            .content(input)
            .styles(List.of(style()))
            .contentLayers(List.of("relu1_2"))
            .styleLayers(List.of("relu1_1", "relu1_2"))
            .size(40)
            .iterations(8)
            .tolerance(0)
            .init(init)
            .build();
    return new VideoRequest(
        t, input, output, temporalWeight, List.of(1), FlowMethod.DIS, 24, false);
  }

  @Test
  void the_temporal_loss_at_least_halves_the_warp_error_of_independent_frames() throws IOException {
    Path input = Pan.folder(dir.resolve("pan"), 40, 32, 4, 2, 11);
    InitSpec noise = InitSpec.of(InitMode.NOISE);
    VideoResult independent =
        new VideoTransfer(engine)
            .run(request(input, dir.resolve("ind"), 0, noise), e -> {}, () -> false);
    VideoResult temporal =
        new VideoTransfer(engine)
            .run(
                request(input, dir.resolve("tmp"), VideoRequest.DEFAULT_TEMPORAL_WEIGHT, noise),
                e -> {},
                () -> false);
    assertTrue(independent.finished() && temporal.finished());
    assertEquals(4, ClipReader.folderFrames(dir.resolve("tmp")).size());
    assertTrue(
        temporal.meanWarpError() <= 0.5 * independent.meanWarpError(),
        "warp error with the temporal loss "
            + temporal.meanWarpError()
            + ", independent "
            + independent.meanWarpError());
  }

  @Test
  void a_stopped_run_continues_at_the_first_missing_frame_and_keeps_the_done_ones()
      throws IOException {
    Path input = Pan.folder(dir.resolve("pan"), 32, 24, 4, 2, 13);
    Path out = dir.resolve("out.gif");
    AtomicBoolean stop = new AtomicBoolean();
    VideoResult first =
        new VideoTransfer(engine)
            .run(
                request(input, out, 200, InitSpec.of(InitMode.CONTENT)),
                e -> {
                  if (e instanceof VideoEvent.FrameFinished f && f.frame() == 2) {
                    stop.set(true);
                  }
                },
                stop::get);
    assertFalse(first.finished());
    assertEquals(3, first.nextFrame());
    assertFalse(Files.exists(out), "no output before the clip is done");
    Path work = dir.resolve("out.gif.frames");
    Path done1 = work.resolve("frame-00001.png");
    Path done2 = work.resolve("frame-00002.png");
    assertTrue(Files.exists(done1) && Files.exists(done2));
    assertFalse(Files.exists(work.resolve("frame-00003.png")));
    FileTime stamp = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(done1, stamp);
    Files.setLastModifiedTime(done2, stamp);

    List<VideoEvent> events = new ArrayList<>();
    VideoResult second =
        new VideoTransfer(engine)
            .run(request(input, out, 200, InitSpec.of(InitMode.CONTENT)), events::add, () -> false);
    assertTrue(second.finished());
    assertEquals(3, ((VideoEvent.ClipStarted) events.get(0)).firstFrame());
    long computed = events.stream().filter(e -> e instanceof VideoEvent.FrameFinished).count();
    assertEquals(2, computed);
    assertTrue(Files.exists(out));
    assertEquals(4, ClipReader.read(out, 100, 24, Long.MAX_VALUE, f -> {}).frames());
    assertFalse(Files.exists(work), "work folder removed after the video is written");
  }

  @Test
  void resuming_with_other_settings_is_refused() throws IOException {
    Path input = Pan.folder(dir.resolve("pan"), 32, 32, 3, 1, 17);
    Path out = dir.resolve("frames");
    AtomicBoolean stop = new AtomicBoolean();
    new VideoTransfer(engine)
        .run(
            request(input, out, 200, InitSpec.of(InitMode.CONTENT)),
            e -> stop.set(e instanceof VideoEvent.FrameFinished),
            stop::get);
    NstException e =
        assertThrows(
            NstException.class,
            () ->
                new VideoTransfer(engine)
                    .run(
                        request(input, out, 50, InitSpec.of(InitMode.CONTENT)),
                        ev -> {},
                        () -> false));
    assertTrue(e.getMessage().contains("other settings"), e.getMessage());
  }

  @Test
  void bad_input_leaves_no_output_behind() throws IOException {
    Path text = Files.writeString(dir.resolve("clip.mp4"), "not a video");
    Path outDir = Files.createDirectories(dir.resolve("outputs"));
    Path out = outDir.resolve("out.mp4");
    assertThrows(
        NstException.class,
        () ->
            new VideoTransfer(engine)
                .run(request(text, out, 200, InitSpec.of(InitMode.CONTENT)), e -> {}, () -> false));
    try (Stream<Path> left = Files.list(outDir)) {
      assertEquals(List.of(), left.toList());
    }
    Path folderOut = dir.resolve("frames-out");
    assertThrows(
        NstException.class,
        () ->
            new VideoTransfer(engine)
                .run(
                    request(
                        Files.createDirectories(dir.resolve("none")),
                        folderOut,
                        200,
                        InitSpec.of(InitMode.CONTENT)),
                    e -> {},
                    () -> false));
    assertFalse(Files.exists(folderOut));
  }
}

package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything that defines one video transfer, validated on construction; messages name the
 * command-line flag, the rule and the value found.
 *
 * @param transfer the settings of every frame's transfer; its content and size are replaced per
 *     frame (its {@code size} caps the frames' longest side)
 * @param input a video file, a GIF or a folder of images
 * @param output a {@code .mp4}, {@code .mov}, {@code .mkv}, {@code .webm} or {@code .gif} file, or
 *     a folder for PNG frames
 * @param temporalWeight γ of the temporal loss (Ruder et al. 2016, eq. 7); 0 makes every frame an
 *     independent transfer from the request's init
 * @param temporalFrames the offsets {@code j} of the earlier frames the temporal loss compares
 *     with, increasing ({@code [1]}: short-term; e.g. {@code [1, 2, 4]}: long-term, eq. 8)
 * @param flow the optical-flow algorithm
 * @param folderFps frame rate of a folder of images
 * @param keepFrames keep the work folder (decoded and finished frames) after a video is written
 */
public record VideoRequest(
    StyleTransferRequest transfer,
    Path input,
    Path output,
    double temporalWeight,
    List<Integer> temporalFrames,
    FlowMethod flow,
    double folderFps,
    boolean keepFrames) {
  /**
   * Default γ: Ruder et al.'s order of magnitude in the same 0..255 units; on a pan over the
   * Tübingen photo it cut the warp error to 0.41x that of independent frames (README, Video). Not
   * tuned by a sweep.
   */
  public static final double DEFAULT_TEMPORAL_WEIGHT = 200;

  /** Default offsets: the short-term term, frame i-1 only. */
  public static final List<Integer> DEFAULT_TEMPORAL_FRAMES = List.of(1);

  /** Default flow: DIS, 18x faster than DeepFlow here at nearly the same accuracy (README). */
  public static final FlowMethod DEFAULT_FLOW = FlowMethod.DIS;

  /** Default frame rate of a folder of images. */
  public static final double DEFAULT_FOLDER_FPS = 24;

  /** Validates every field. */
  public VideoRequest {
    if (transfer == null || input == null || output == null || flow == null) {
      throw new NstException("a video request needs its transfer settings, --content and --output");
    }
    if (!(temporalWeight >= 0 && Double.isFinite(temporalWeight))) {
      throw new NstException(
          "invalid value for --temporal-weight: must be a finite number >= 0, found "
              + temporalWeight);
    }
    temporalFrames = List.copyOf(temporalFrames);
    int previous = 0;
    for (int j : temporalFrames) {
      if (j <= previous) {
        throw new NstException(
            "invalid value for --temporal-frames: offsets must be increasing and >= 1, found "
                + temporalFrames);
      }
      previous = j;
    }
    if (temporalFrames.isEmpty()) {
      throw new NstException("invalid value for --temporal-frames: give at least one offset");
    }
    if (!(folderFps > 0 && folderFps <= 1000)) {
      throw new NstException("invalid value for --fps: must be in (0, 1000], found " + folderFps);
    }
    if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw new NstException("invalid value for --output: it must not be the input " + input);
    }
  }
}

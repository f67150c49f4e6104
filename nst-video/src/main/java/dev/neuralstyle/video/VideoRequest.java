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
   * Default γ, for the relative loss forms (the default {@code photo}, and {@code normalized}, in
   * which it was measured: the temporal term is the mean squared difference in 0..1 pixel units
   * over the masked pixels, see {@link TemporalLoss}). Chosen by a sweep on a 12-frame 128 px pan
   * over the Tübingen photo with The Starry Night (bench/video/gamma_sweep.sh; README, Video) and
   * by looking at the frames: γ = 100 keeps the strokes in place from frame to frame (warp error
   * 6.54 levels, independent frames 19.86) while the style term stays below that of independent
   * frames; γ = 1000 brings the warp error near the input's own (3.32 levels, the input 2.90) but
   * softens the strokes (the repeatedly resampled previous result is held), and 10000 smears them.
   * Under {@code paper} and {@code mean}, which keep 8-bit units, the same number weighs 255² times
   * as much; pass a smaller one there.
   */
  public static final double DEFAULT_TEMPORAL_WEIGHT = 100;

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

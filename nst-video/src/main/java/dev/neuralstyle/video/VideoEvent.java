package dev.neuralstyle.video;

import dev.neuralstyle.progress.ProgressEvent;
import java.nio.file.Path;

/** Progress of a {@link VideoTransfer}: immutable events, delivered on the run's thread. */
public sealed interface VideoEvent {
  /**
   * The clip is decoded and the loop starts.
   *
   * @param clip what decoding found
   * @param firstFrame the first frame to compute (1-based; above 1 when resuming)
   */
  record ClipStarted(ClipInfo clip, int firstFrame) implements VideoEvent {}

  /**
   * One event of the transfer of frame {@code frame} of {@code frames}.
   *
   * @param frame 1-based frame number
   * @param frames the clip's frame count
   * @param event the frame's own progress (iterations)
   */
  record FrameProgress(int frame, int frames, ProgressEvent event) implements VideoEvent {}

  /**
   * A frame is finished and on disk.
   *
   * @param frame 1-based frame number
   * @param frames the clip's frame count
   * @param seconds time spent on this frame (flow and transfer)
   * @param etaSeconds estimated time for the rest of the clip
   * @param warpError {@link WarpError} against the previous frame, or NaN for the first
   */
  record FrameFinished(int frame, int frames, double seconds, double etaSeconds, double warpError)
      implements VideoEvent {}

  /**
   * The output is written.
   *
   * @param output the video file or frame folder
   */
  record ClipWritten(Path output) implements VideoEvent {}
}

package dev.neuralstyle.video;

import java.nio.file.Path;

/**
 * The outcome of a {@link VideoTransfer}.
 *
 * @param output the written video or frame folder, or {@code null} when stopped
 * @param frames the clip's frame count
 * @param framesDone frames finished, counting those of earlier runs
 * @param nextFrame the first frame still to compute (frames + 1 when finished)
 * @param secondsPerFrame mean time per frame computed by this run (NaN if none)
 * @param meanWarpError mean {@link WarpError} over the frames this run computed after the first
 *     (NaN if none)
 */
public record VideoResult(
    Path output,
    int frames,
    int framesDone,
    int nextFrame,
    double secondsPerFrame,
    double meanWarpError) {
  /** Whether every frame is done and the output written. */
  public boolean finished() {
    return output != null;
  }
}

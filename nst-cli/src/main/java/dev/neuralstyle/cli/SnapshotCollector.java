package dev.neuralstyle.cli;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.StepCompleted;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the snapshots a run emits: every {@code gifEvery} iterations a GIF frame (held in memory,
 * at most about --gif-frames of them) and every {@code saveEvery} iterations a snapshot file such
 * as {@code out-0100.png}, written atomically at once. The run's snapshot period is the greatest
 * common divisor of the two, so every multiple of either comes with an image.
 */
final class SnapshotCollector implements ProgressListener {
  private final int gifEvery;
  private final int saveEvery;
  private final OutputPlan outputs;
  private final List<BufferedImage> frames = new ArrayList<>();
  private final List<Path> saved = new ArrayList<>();
  private int previous;

  SnapshotCollector(int gifEvery, int saveEvery, OutputPlan outputs) {
    this.gifEvery = gifEvery;
    this.saveEvery = saveEvery;
    this.outputs = outputs;
  }

  @Override
  public void onEvent(ProgressEvent event) {
    if (!(event instanceof StepCompleted s)) {
      return;
    }
    int now = s.iteration();
    BufferedImage image = s.snapshot();
    if (image != null) {
      if (crossed(gifEvery, now)) {
        frames.add(image);
      }
      if (crossed(saveEvery, now)) {
        Path file = outputs.snapshot(now, s.iterations());
        ImageFiles.write(image, file);
        saved.add(file);
      }
    }
    previous = now;
  }

  /** The GIF frames so far, in order. */
  List<BufferedImage> frames() {
    return List.copyOf(frames);
  }

  /** The snapshot files written so far. */
  List<Path> saved() {
    return List.copyOf(saved);
  }

  private boolean crossed(int every, int now) {
    return every > 0 && now / every > previous / every;
  }
}

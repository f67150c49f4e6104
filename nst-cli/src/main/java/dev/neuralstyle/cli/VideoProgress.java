package dev.neuralstyle.cli;

import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.video.VideoEvent;
import dev.neuralstyle.video.VideoListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a video run's progress: the clip, then per frame "frame k/N" with its iterations and the
 * clip's ETA (redrawn in place on a terminal), and one line per finished frame.
 */
final class VideoProgress implements VideoListener {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private long clipStart;
  private int firstFrame;
  private int budget;
  private double frameSeconds = Double.NaN;
  private LossBreakdown lastLosses;
  private long lastDraw;
  private int lastLength;

  VideoProgress(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
  }

  @Override
  public void onEvent(VideoEvent event) {
    if (quiet) {
      return;
    }
    if (event instanceof VideoEvent.ClipStarted s) {
      clipStart = System.nanoTime();
      firstFrame = s.firstFrame();
      err.printf(
          Locale.ROOT,
          "clip: %d frames, %dx%d, %.3g fps%s%s%n",
          s.clip().frames(),
          s.clip().width(),
          s.clip().height(),
          s.clip().fps(),
          s.clip().audio() ? ", with audio" : "",
          s.firstFrame() > 1
              ? "; continuing at frame " + s.firstFrame() + " (earlier frames are done)"
              : "");
    } else if (event instanceof VideoEvent.FrameProgress p) {
      if (p.event() instanceof RunStarted r) {
        budget = r.iterations();
      } else if (p.event() instanceof StepCompleted s) {
        lastLosses = s.losses();
      }
      if (p.event() instanceof StepCompleted s && interactive) {
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
          lastDraw = now;
          draw(
              String.format(
                  Locale.ROOT,
                  "frame %d/%d  iteration %d/%d  ETA clip %s",
                  p.frame(),
                  p.frames(),
                  s.iteration(),
                  s.iterations(),
                  ProgressPrinter.duration(eta(p.frame(), p.frames(), s))));
        }
      }
    } else if (event instanceof VideoEvent.FrameFinished f) {
      frameSeconds = (System.nanoTime() - clipStart) / 1e9 / (f.frame() - firstFrame + 1);
      draw("");
      err.printf(
          Locale.ROOT,
          "frame %d/%d done in %.1fs%s%s  ETA clip %s%n",
          f.frame(),
          f.frames(),
          f.seconds(),
          Double.isNaN(f.warpError())
              ? ""
              : String.format(Locale.ROOT, "  warp error %.2f", f.warpError()),
          terms(lastLosses),
          ProgressPrinter.duration(f.etaSeconds()));
      lastLosses = null;
      lastLength = 0;
    } else if (event instanceof VideoEvent.ClipWritten) {
      draw("");
    }
    err.flush();
  }

  /**
   * The frame's last evaluation as weighted terms that add up to its total; what is left after
   * content, style and TV is the temporal term.
   */
  private static String terms(LossBreakdown l) {
    if (l == null) {
      return "";
    }
    double temporal = l.total() - l.content() - l.style() - l.tv();
    return String.format(
        Locale.ROOT,
        "  content %.3g + style %.3g + tv %.3g + temporal %.3g = %.4g",
        l.content(),
        l.style(),
        l.tv(),
        temporal,
        l.total());
  }

  private double eta(int frame, int frames, StepCompleted s) {
    double perFrame = frameSeconds;
    if (Double.isNaN(perFrame)) {
      perFrame = s.iteration() == 0 ? 0 : s.elapsedSeconds() / s.iteration() * Math.max(budget, 1);
    }
    double rest = perFrame * (frames - frame);
    double thisFrame = Math.max(0, perFrame - s.elapsedSeconds());
    return rest + thisFrame;
  }

  private void draw(String line) {
    if (!interactive) {
      return;
    }
    int pad = Math.max(0, lastLength - line.length());
    err.print("\r" + line + " ".repeat(pad) + (line.isEmpty() ? "\r" : ""));
    lastLength = line.length();
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.RunFailed;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run's progress: on a terminal a bar redrawn in place ({@code [=====> ] 120/500 ETA 1m12s
 * content 1.2e+04 style 3.4e+02 tv 5.6e+03}), otherwise a plain line about every twentieth of the
 * run, and nothing when quiet.
 */
final class ProgressPrinter implements ProgressListener {
  private static final int BAR_WIDTH = 30;
  private static final int PLAIN_LINES = 20;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private int lastPrinted;
  private long lastDraw;
  private int lastLineLength;

  /**
   * A printer to {@code err}.
   *
   * @param interactive draw a bar with carriage returns instead of plain lines
   * @param quiet print nothing
   */
  ProgressPrinter(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
  }

  @Override
  public void onEvent(ProgressEvent event) {
    if (quiet) {
      return;
    }
    if (event instanceof RunStarted s) {
      err.printf(
          Locale.ROOT,
          "optimising %dx%d, %d iterations (setup %.1fs)%n",
          s.width(),
          s.height(),
          s.iterations(),
          s.setupSeconds());
      lastPrinted = 0;
    } else if (event instanceof StepCompleted s) {
      step(s);
    } else if (event instanceof RunFinished f) {
      if (interactive) {
        err.print('\r' + " ".repeat(lastLineLength) + '\r');
      }
      err.printf(
          Locale.ROOT,
          "done: %d iterations in %s (%s)%n",
          f.evaluations(),
          duration(f.elapsedSeconds()),
          f.stopReason());
    } else if (event instanceof RunFailed) {
      if (interactive) {
        err.println();
      }
    }
    err.flush();
  }

  private void step(StepCompleted s) {
    if (interactive) {
      long now = System.nanoTime();
      if (now - lastDraw < REDRAW_NANOS && s.iteration() < s.iterations()) {
        return;
      }
      lastDraw = now;
      String line = bar(s);
      int pad = Math.max(0, lastLineLength - line.length());
      err.print("\r" + line + " ".repeat(pad));
      lastLineLength = line.length();
      return;
    }
    int every = Math.max(1, s.iterations() / PLAIN_LINES);
    if (s.iteration() / every > lastPrinted / every || s.iteration() >= s.iterations()) {
      lastPrinted = s.iteration();
      err.println(line(s));
    }
  }

  /** The bar line of one step, without carriage return. */
  static String bar(StepCompleted s) {
    int filled =
        (int) ((long) BAR_WIDTH * Math.min(s.iteration(), s.iterations()) / s.iterations());
    String arrow = filled < BAR_WIDTH ? ">" : "";
    String bar = "=".repeat(filled) + arrow + " ".repeat(BAR_WIDTH - filled - arrow.length());
    return String.format(
        Locale.ROOT,
        "[%s] %d/%d  ETA %s  %s",
        bar,
        s.iteration(),
        s.iterations(),
        duration(eta(s)),
        losses(s.losses()));
  }

  /** A plain progress line of one step. */
  static String line(StepCompleted s) {
    return String.format(
        Locale.ROOT,
        "iteration %d/%d  %s  (%s, ETA %s)",
        s.iteration(),
        s.iterations(),
        losses(s.losses()),
        duration(s.elapsedSeconds()),
        duration(eta(s)));
  }

  /** Each term as it enters the total, so that the balance shows: {@code c + s + tv = total}. */
  private static String losses(LossBreakdown b) {
    return String.format(
        Locale.ROOT,
        "content %.2e + style %.2e + tv %.2e = total %.3e",
        b.content(),
        b.style(),
        b.tv(),
        b.total());
  }

  private static double eta(StepCompleted s) {
    if (s.iteration() <= 0) {
      return 0;
    }
    return s.elapsedSeconds() / s.iteration() * Math.max(0, s.iterations() - s.iteration());
  }

  /** {@code 42s}, {@code 1m12s}, {@code 2h03m}. */
  static String duration(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}

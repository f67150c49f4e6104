package dev.neuralstyle.cli;

import dev.neuralstyle.batch.BatchJob;
import dev.neuralstyle.batch.BatchListener;
import dev.neuralstyle.batch.BatchProgress;
import dev.neuralstyle.batch.JobRecord;
import dev.neuralstyle.progress.ProgressEvent;
import java.util.Locale;

/**
 * Shows a batch's progress on the error stream: one line per job as it ends ({@code [3/12] a__x
 * written in 12.3 s, loss 1.2e+04 (tolerance); ETA 1m40s}) and, in between, the running job's own
 * progress as {@code transfer} shows it. Quiet: nothing.
 */
final class BatchPrinter implements BatchListener {
  private final Streams streams;
  private final boolean quiet;
  private ProgressPrinter job;

  BatchPrinter(Streams streams, boolean quiet) {
    this.streams = streams;
    this.quiet = quiet;
  }

  @Override
  public void jobStarted(BatchProgress progress, BatchJob next) {
    job = new ProgressPrinter(streams.err(), streams.interactive(), quiet);
  }

  @Override
  public void jobEvent(BatchJob running, ProgressEvent event) {
    job.onEvent(event);
  }

  @Override
  public void jobEnded(BatchProgress p, JobRecord r, boolean skipped) {
    if (quiet) {
      return;
    }
    String what;
    if (skipped) {
      what = "skipped (already written for the same request)";
    } else if (r.ok()) {
      what =
          String.format(
              Locale.ROOT,
              "written in %.1f s, loss %.3e (%s)",
              r.seconds(),
              r.finalLoss() == null ? Double.NaN : r.finalLoss(),
              r.stopReason());
    } else {
      what = "FAILED: " + r.error();
    }
    streams
        .err()
        .printf(
            Locale.ROOT,
            "[%d/%d] %s %s%s%n",
            p.done(),
            p.total(),
            r.job(),
            what,
            p.done() < p.total() && Double.isFinite(p.etaSeconds())
                ? "; ETA " + ProgressPrinter.duration(p.etaSeconds())
                : "");
    streams.err().flush();
  }
}

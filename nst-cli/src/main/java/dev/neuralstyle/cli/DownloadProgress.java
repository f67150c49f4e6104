package dev.neuralstyle.cli;

import dev.neuralstyle.weights.download.DownloadListener;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a download: on a terminal a bar redrawn in place ({@code [=====> ] 12.3/80.1 MB 4.5 MB/s
 * ETA 11s}), otherwise a line at the start, every 10 % and at the end; nothing when quiet.
 */
final class DownloadProgress implements DownloadListener {
  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private long startNanos;
  private long startBytes;
  private long lastDraw;
  private int lastDecile;

  DownloadProgress(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
  }

  @Override
  public void started(long totalBytes, long resumedFrom) {
    startNanos = System.nanoTime();
    startBytes = resumedFrom;
    lastDecile = -1;
    if (quiet) {
      return;
    }
    err.printf(
        Locale.ROOT,
        "downloading %s%s%n",
        totalBytes >= 0 ? mb(totalBytes) + " MB" : "(size unknown)",
        resumedFrom > 0 ? ", resuming at " + mb(resumedFrom) + " MB" : "");
    err.flush();
  }

  @Override
  public void progress(long bytesSoFar, long totalBytes) {
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    if (interactive) {
      if (now - lastDraw >= REDRAW_NANOS || bytesSoFar == totalBytes) {
        lastDraw = now;
        err.print("\r" + bar(bytesSoFar, totalBytes, now));
        err.flush();
      }
      return;
    }
    if (totalBytes > 0) {
      int decile = (int) (10 * bytesSoFar / totalBytes);
      if (decile > lastDecile) {
        lastDecile = decile;
        err.println(bar(bytesSoFar, totalBytes, now).substring(BAR_WIDTH + 3));
        err.flush();
      }
    }
  }

  @Override
  public void cachedCopyChecked(Path file, boolean intact) {
    if (!quiet) {
      err.println(
          intact
              ? "already in the cache: " + file + " (hashed, matches the catalog)"
              : "warning: the cached "
                  + file
                  + " does not match the catalog (damaged or replaced); deleting it and"
                  + " downloading it again");
      err.flush();
    }
  }

  @Override
  public void urlFailed(URI url, String reason) {
    if (!quiet) {
      err.println((interactive ? "\n" : "") + "warning: " + reason + "; trying the next mirror");
      err.flush();
    }
  }

  @Override
  public void finished(Path file) {
    if (!quiet && interactive && startNanos != 0) {
      err.println();
      err.flush();
    }
  }

  private String bar(long bytes, long total, long now) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = (bytes - startBytes) / seconds;
    int filled = total > 0 ? (int) (BAR_WIDTH * Math.min(bytes, total) / total) : 0;
    String arrow = filled < BAR_WIDTH ? ">" : "";
    String bar = "=".repeat(filled) + arrow + " ".repeat(BAR_WIDTH - filled - arrow.length());
    String eta =
        total > 0 && rate > 0 ? "  ETA " + ProgressPrinter.duration((total - bytes) / rate) : "";
    return String.format(
        Locale.ROOT,
        "[%s] %s/%s MB  %.1f MB/s%s",
        bar,
        mb(bytes),
        total >= 0 ? mb(total) : "?",
        rate / 1e6,
        eta);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }
}

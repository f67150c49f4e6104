package dev.neuralstyle.weights.download;

import java.net.URI;
import java.nio.file.Path;

/**
 * Receives the progress of one download, e.g. to draw a progress bar. All methods are called on the
 * thread that called {@link WeightsDownloader#download} and should return quickly; they do nothing
 * by default.
 */
public interface DownloadListener {
  /** A listener that ignores everything. */
  DownloadListener NONE = new DownloadListener() {};

  /**
   * The transfer from one URL begins.
   *
   * @param totalBytes size of the whole file, or -1 if neither server nor catalog knows it
   * @param resumedFrom bytes already present from an earlier, interrupted download (0 if none)
   */
  default void started(long totalBytes, long resumedFrom) {}

  /**
   * More bytes arrived; called once per received chunk (typically every 16 to 64 KB).
   *
   * @param bytesSoFar bytes of the file now on disk, including any resumed prefix
   * @param totalBytes size of the whole file, or -1 if unknown
   */
  default void progress(long bytesSoFar, long totalBytes) {}

  /**
   * A file was already under the final name and was hashed against the catalog.
   *
   * @param file the cached file
   * @param intact whether it matched; if not it is deleted and downloaded again
   */
  default void cachedCopyChecked(Path file, boolean intact) {}

  /** A URL failed before delivering anything and the next mirror, if any, will be tried. */
  default void urlFailed(URI url, String reason) {}

  /** The file was verified and now exists under its final name. */
  default void finished(Path file) {}
}

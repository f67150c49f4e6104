package dev.neuralstyle.weights.download;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Downloads a catalogued weights file into a cache directory, safely and resumably.
 *
 * <p>Bytes go to {@code <name>.part}. If that file exists from an interrupted run, the download
 * continues with an HTTP {@code Range} request (a server that answers with the whole file restarts
 * it). The SHA-256 and MD5 of the whole file are checked against the catalog, and only a file that
 * passes is renamed, atomically, to its final name; so a file under a catalog name is complete and
 * verified. A file whose digest does not match is deleted. A transfer that breaks off keeps its
 * {@code .part} file so the next call resumes it. URLs are tried in order while they fail before
 * delivering data (no connection, an HTTP error status, the wrong size).
 *
 * <p>Every download is bounded: by the catalog's size when it publishes one, else by {@link
 * #DEFAULT_MAX_UNKNOWN_SIZE} (or the limit given to the constructor). A server announcing more
 * (Content-Length or Content-Range) is refused before a byte is written; a body that runs past the
 * bound is cut off there and its partial file deleted.
 *
 * <p>Uses HTTP/1.1 (one large sequential body gains nothing from HTTP/2, and Content-Length makes a
 * short transfer evident), follows redirects except from https to http, and honours the JVM's proxy
 * settings ({@code -Dhttps.proxyHost=...}). Instances are thread-safe; concurrent downloads of the
 * same file are refused through a lock on its {@code .part} file.
 */
public final class WeightsDownloader {
  /** Default time to establish a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** Default time to wait for response headers and, after that, between two chunks of data. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Default most bytes taken from a server for a file whose size the catalog does not publish: 2
   * GiB, nearly four times the largest VGG weights file (575 MB).
   */
  public static final long DEFAULT_MAX_UNKNOWN_SIZE = 2L << 30;

  private final HttpClient client;
  private final Duration idleTimeout;
  private final long maxUnknownSize;

  /** A downloader with {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_IDLE_TIMEOUT}. */
  public WeightsDownloader() {
    this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * A downloader with the given timeouts.
   *
   * @param connectTimeout time to establish a connection
   * @param idleTimeout time to wait for the response headers and between two chunks of the body
   */
  public WeightsDownloader(Duration connectTimeout, Duration idleTimeout) {
    this(connectTimeout, idleTimeout, DEFAULT_MAX_UNKNOWN_SIZE);
  }

  /**
   * A downloader with the given timeouts and bound on files of unpublished size.
   *
   * @param connectTimeout time to establish a connection
   * @param idleTimeout time to wait for the response headers and between two chunks of the body
   * @param maxUnknownSize the most bytes accepted for a file whose size the catalog does not give
   */
  public WeightsDownloader(Duration connectTimeout, Duration idleTimeout, long maxUnknownSize) {
    requirePositive(connectTimeout, "connectTimeout");
    this.idleTimeout = requirePositive(idleTimeout, "idleTimeout");
    if (maxUnknownSize < 1) {
      throw new IllegalArgumentException("maxUnknownSize must be >= 1, found " + maxUnknownSize);
    }
    this.maxUnknownSize = maxUnknownSize;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .proxy(ProxySelector.getDefault())
            .build();
  }

  /**
   * Makes sure {@code entry} is in {@code cacheDir} and returns its path. A file already present
   * under the final name is checked against the catalog's digests first: a match is returned, a
   * mismatch (damaged or replaced since it was written) is deleted and downloaded again.
   *
   * @param listener receives progress; use {@link DownloadListener#NONE} to ignore it
   * @throws NstException if every URL fails, the file is corrupt, the transfer breaks off (run
   *     again to resume), or the file cannot be written
   */
  public Path download(CatalogEntry entry, Path cacheDir, DownloadListener listener) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(listener, "listener");
    WeightsCache cache = new WeightsCache(cacheDir);
    Path target = cache.pathFor(entry);
    String replaced = "";
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
      throw new NstException(
          target + " is in the way of the download: it is not a regular file; move it away");
    }
    if (Files.isRegularFile(target)) {
      boolean intact = cachedCopyMatches(entry, target);
      listener.cachedCopyChecked(target, intact);
      if (intact) {
        listener.finished(target);
        return target;
      }
      replaced = " (the cached copy did not match the catalog and was deleted)";
      try {
        Files.deleteIfExists(target);
      } catch (IOException e) {
        throw new NstException(
            "cached " + target + " is damaged and cannot be deleted: " + Transfer.describe(e), e);
      }
    }
    Path part = cache.partPathFor(entry);
    List<String> failures = new ArrayList<>();
    try {
      Files.createDirectories(cache.directory());
      for (URI url : entry.urls()) {
        try {
          FileDigests digests =
              new Transfer(client, idleTimeout, maxUnknownSize, entry, url, part, listener).run();
          verify(entry, url, part, digests);
          moveIntoPlace(part, target);
          listener.finished(target);
          return target;
        } catch (UrlFailedException e) {
          failures.add(e.getMessage());
          listener.urlFailed(url, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new NstException(
          "cannot write "
              + part
              + " while downloading "
              + entry.fileName()
              + ": "
              + Transfer.describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NstException(
          "download of "
              + entry.fileName()
              + " was interrupted; run the same"
              + " command again to resume",
          e);
    }
    throw new NstException(
        "could not download " + entry.fileName() + replaced + ": " + String.join("; ", failures));
  }

  private static boolean cachedCopyMatches(CatalogEntry entry, Path target) {
    try {
      if (entry.expectedSize() >= 0 && Files.size(target) != entry.expectedSize()) {
        return false; // no need to hash it
      }
      return entry.integrity().matches(Hasher.of(target));
    } catch (IOException e) {
      throw new NstException(
          "cannot read the cached " + target + " to check it: " + Transfer.describe(e), e);
    }
  }

  private static void verify(CatalogEntry entry, URI url, Path part, FileDigests digests)
      throws IOException {
    Integrity integrity = entry.integrity();
    if (!integrity.matches(digests)) {
      Files.deleteIfExists(part);
      throw new NstException(
          "downloaded "
              + entry.fileName()
              + " (from "
              + url
              + ") is corrupt: expected "
              + integrity.describe()
              + ", got "
              + integrity.describeActual(digests)
              + "; the partial file was deleted");
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, found " + d);
    }
    return d;
  }
}

package dev.neuralstyle.weights.download;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Brings the {@code .part} file of one entry to its full length from one URL, resuming what is
 * already there, and returns the digests of the whole file. Verification and renaming are left to
 * {@link WeightsDownloader}.
 */
final class Transfer {
  private final HttpClient client;
  private final Duration timeout;
  private final long maxUnknownSize;
  private final CatalogEntry entry;
  private final URI url;
  private final Path part;
  private final DownloadListener listener;

  Transfer(
      HttpClient client,
      Duration timeout,
      long maxUnknownSize,
      CatalogEntry entry,
      URI url,
      Path part,
      DownloadListener listener) {
    this.client = client;
    this.timeout = timeout;
    this.maxUnknownSize = maxUnknownSize;
    this.entry = entry;
    this.url = url;
    this.part = part;
    this.listener = listener;
  }

  /**
   * Completes the part file.
   *
   * @throws UrlFailedException if this URL failed before any of its bytes were kept
   * @throws NstException if the transfer broke off (the part file is kept for resuming)
   */
  FileDigests run() throws UrlFailedException, IOException, InterruptedException {
    try (FileChannel channel =
        FileChannel.open(
            part, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      lock(channel); // released when the channel closes
      return fill(channel);
    } finally {
      if (Files.exists(part) && Files.size(part) == 0) {
        Files.deleteIfExists(part);
      }
    }
  }

  private FileDigests fill(FileChannel channel)
      throws UrlFailedException, IOException, InterruptedException {
    long expected = entry.expectedSize();
    long offset = channel.size();
    if (offset > (expected >= 0 ? expected : maxUnknownSize)) {
      channel.truncate(0);
      offset = 0;
    }
    if (expected >= 0 && offset == expected) {
      return hashPrefix(channel, offset)
          .finish(); // complete; an earlier run stopped before renaming
    }
    HttpGet get = connect(offset);
    if (get.status() == 416 && offset > 0) {
      long total = ContentRange.total(get.headers());
      if (total == offset) {
        return hashPrefix(channel, offset).finish();
      }
      channel.truncate(0); // the partial file is longer than the file on this server: start over
      offset = 0;
      get = connect(0);
    }
    if (get.status() == 206) {
      long from = ContentRange.start(get.headers());
      if (from != offset) {
        get.body().cancel();
        throw failure("answered a request for bytes " + offset + "- with bytes from " + from, null);
      }
    } else if (get.status() != 200) {
      throw failure("HTTP " + get.status(), null);
    }
    // A 200 answer to a Range request is the whole file again.
    long start = get.status() == 200 ? 0 : offset;
    long total = total(get, start); // refuses a size out of bounds before a byte is written
    if (start < offset) {
      channel.truncate(0);
      offset = 0;
    }
    Hasher hasher = hashPrefix(channel, offset);
    listener.started(total, offset);
    return stream(get.body(), channel, hasher, offset, total);
  }

  private FileDigests stream(
      BodyChunks body, FileChannel channel, Hasher hasher, long offset, long total)
      throws IOException, InterruptedException {
    long soFar = offset;
    channel.position(offset);
    while (true) {
      List<ByteBuffer> chunk;
      try {
        chunk = body.next(timeout);
      } catch (IOException e) {
        channel.force(false);
        throw stopped(soFar, total, describe(e), e);
      }
      if (chunk == null) {
        break;
      }
      for (ByteBuffer buffer : chunk) {
        if (soFar + buffer.remaining() > bound(total)) {
          body.cancel();
          channel.truncate(0); // deleted when the channel closes (see run)
          throw new NstException(
              String.format(
                  Locale.ROOT,
                  "%s from %s is longer than %s; the download was stopped there and the partial"
                      + " file deleted",
                  entry.fileName(),
                  url,
                  total >= 0
                      ? String.format(Locale.ROOT, "the %,d bytes announced", total)
                      : String.format(
                          Locale.ROOT,
                          "%,d bytes, the most accepted for a file of unpublished size",
                          maxUnknownSize)));
        }
        hasher.update(buffer);
        soFar += buffer.remaining();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      listener.progress(soFar, total);
    }
    channel.force(false);
    if (total >= 0 && soFar < total) {
      throw stopped(soFar, total, "connection closed early", null);
    }
    return hasher.finish();
  }

  private HttpGet connect(long offset) throws UrlFailedException, InterruptedException {
    try {
      return HttpGet.open(client, url, offset, timeout);
    } catch (IOException e) {
      throw failure(describe(e), e);
    }
  }

  private long total(HttpGet get, long offset) throws UrlFailedException {
    long length = get.headers().firstValueAsLong("Content-Length").orElse(-1);
    long served = length < 0 ? -1 : get.status() == 206 ? offset + length : length;
    if (get.status() == 206 && ContentRange.total(get.headers()) >= 0) {
      served = ContentRange.total(get.headers());
    }
    long expected = entry.expectedSize();
    if (served > maxUnknownSize && expected < 0) {
      get.body().cancel();
      throw failure(
          String.format(
              Locale.ROOT,
              "announces %,d bytes; at most %,d are accepted for a file of unpublished size",
              served,
              maxUnknownSize),
          null);
    }
    if (served >= 0 && expected >= 0 && served != expected) {
      get.body().cancel();
      throw failure(
          String.format(
              Locale.ROOT, "serves %,d bytes but %s has %,d", served, entry.fileName(), expected),
          null);
    }
    return served >= 0 ? served : expected;
  }

  private long bound(long total) {
    return total >= 0 ? total : maxUnknownSize;
  }

  private static Hasher hashPrefix(FileChannel channel, long length) throws IOException {
    Hasher hasher = new Hasher();
    hasher.updateFrom(channel, length);
    return hasher;
  }

  private void lock(FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new NstException(
          "another download of "
              + entry.fileName()
              + " is running ("
              + part
              + " is locked); wait for it to finish");
    }
  }

  private UrlFailedException failure(String reason, Throwable cause) {
    return new UrlFailedException(url + ": " + reason, cause);
  }

  private NstException stopped(long soFar, long total, String reason, Throwable cause) {
    String of = total >= 0 ? String.format(Locale.ROOT, " of %,d", total) : "";
    return new NstException(
        String.format(
            Locale.ROOT,
            "download of %s stopped at %,d%s bytes (%s: %s); run the same command again to resume",
            entry.fileName(),
            soFar,
            of,
            url,
            reason),
        cause);
  }

  /** Why a transfer failed, in words: the message, or the kind of failure (no class names). */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof java.nio.channels.ClosedByInterruptException) {
      return "interrupted";
    }
    return "input/output error";
  }
}

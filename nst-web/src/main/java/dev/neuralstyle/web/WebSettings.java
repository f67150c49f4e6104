package dev.neuralstyle.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a server runs: where it listens, where it keeps jobs, which weights it uses, and its limits.
 *
 * @param host the interface to bind; {@code 127.0.0.1} unless the user explicitly asks otherwise
 * @param port the port, or 0 for any free one
 * @param dataDir the job database ({@code jobs.db}) and files ({@code jobs/<id>/}) live here
 * @param weights the server's own VGG weights file (clients can never name a file)
 * @param queueCapacity how many jobs may wait (beyond the running one) before 429
 * @param maxUploadBytes the largest accepted image upload
 * @param maxPixels the largest accepted image, in pixels (checked before decoding)
 * @param maxSize the largest accepted {@code size} option
 * @param toolVersion this program's version, for run records
 */
public record WebSettings(
    String host,
    int port,
    Path dataDir,
    Path weights,
    int queueCapacity,
    long maxUploadBytes,
    long maxPixels,
    int maxSize,
    String toolVersion) {
  /** Loopback: the default host. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Checks the values. */
  public WebSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(weights, "weights");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, found " + port);
    }
    if (queueCapacity < 1 || maxUploadBytes < 1 || maxPixels < 1 || maxSize < 16) {
      throw new IllegalArgumentException("limits must be positive (size >= 16)");
    }
  }

  /** Loopback, the given port, directory and weights, and the default limits. */
  public static WebSettings of(int port, Path dataDir, Path weights) {
    return new WebSettings(
        LOOPBACK, port, dataDir, weights, 8, 20L << 20, 25_000_000L, 2048, "unknown");
  }

  /** A copy with another host. */
  public WebSettings withHost(String newHost) {
    return new WebSettings(
        newHost,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        toolVersion);
  }

  /** A copy with another queue capacity. */
  public WebSettings withQueueCapacity(int capacity) {
    return new WebSettings(
        host, port, dataDir, weights, capacity, maxUploadBytes, maxPixels, maxSize, toolVersion);
  }

  /** A copy with another version string. */
  public WebSettings withToolVersion(String version) {
    return new WebSettings(
        host, port, dataDir, weights, queueCapacity, maxUploadBytes, maxPixels, maxSize, version);
  }

  /** Whether {@link #host()} is a loopback address. */
  public boolean isLoopback() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}

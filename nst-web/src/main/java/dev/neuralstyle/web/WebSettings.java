package dev.neuralstyle.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a server runs: where it listens, who may use it, where it keeps jobs, which weights it uses,
 * and its limits.
 *
 * @param host the interface to bind; {@code 127.0.0.1} unless the user explicitly asks otherwise
 * @param port the port, or 0 for any free one
 * @param dataDir the job database ({@code jobs.db}) and files ({@code jobs/<id>/}) live here
 * @param weights the server's own VGG weights file (clients can never name a file)
 * @param queueCapacity how many jobs may wait (beyond the running one) before 429
 * @param maxUploadBytes the largest accepted image upload
 * @param maxPixels the largest accepted image, in pixels (checked before decoding)
 * @param maxSize the largest accepted {@code size} option (and style image side)
 * @param toolVersion this program's version, for run records
 * @param maxIterations the largest accepted {@code iterations} option
 * @param maxJobBytes the most memory one job may need by {@code MemoryEstimate} (0: what the
 *     machine has available when the job is submitted)
 * @param access the host names the server answers to and its token
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
    String toolVersion,
    int maxIterations,
    long maxJobBytes,
    WebAccess access) {
  /** Loopback: the default host. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The most jobs that may wait. */
  public static final int MAX_QUEUE = 100;

  /** The default {@link #maxIterations()}. */
  public static final int DEFAULT_MAX_ITERATIONS = 5000;

  /** Checks the values. */
  public WebSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(access, "access");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, found " + port);
    }
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE) {
      throw new IllegalArgumentException(
          "the queue must hold 1 to " + MAX_QUEUE + " jobs, found " + queueCapacity);
    }
    if (maxUploadBytes < 1 || maxPixels < 1 || maxSize < 16 || maxIterations < 1) {
      throw new IllegalArgumentException("limits must be positive (size >= 16)");
    }
    if (maxJobBytes < 0) {
      throw new IllegalArgumentException("maxJobBytes must be >= 0, found " + maxJobBytes);
    }
  }

  /** The settings before the access and job limits existed: loopback access, default limits. */
  public WebSettings(
      String host,
      int port,
      Path dataDir,
      Path weights,
      int queueCapacity,
      long maxUploadBytes,
      long maxPixels,
      int maxSize,
      String toolVersion) {
    this(
        host,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        toolVersion,
        DEFAULT_MAX_ITERATIONS,
        0,
        WebAccess.of(host, java.util.List.of(), null));
  }

  /** Loopback, the given port, directory and weights, and the default limits. */
  public static WebSettings of(int port, Path dataDir, Path weights) {
    return new WebSettings(
        LOOPBACK, port, dataDir, weights, 8, 20L << 20, 25_000_000L, 2048, "unknown");
  }

  /** A copy with another host (and the access that goes with it, keeping the token). */
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
        toolVersion,
        maxIterations,
        maxJobBytes,
        WebAccess.of(newHost, java.util.List.of(), access.token()));
  }

  /** A copy with another access (allowed names, token). */
  public WebSettings withAccess(WebAccess newAccess) {
    return new WebSettings(
        host,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        toolVersion,
        maxIterations,
        maxJobBytes,
        newAccess);
  }

  /** A copy with another queue capacity. */
  public WebSettings withQueueCapacity(int capacity) {
    return new WebSettings(
        host,
        port,
        dataDir,
        weights,
        capacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        toolVersion,
        maxIterations,
        maxJobBytes,
        access);
  }

  /** A copy with another cap on {@code iterations}. */
  public WebSettings withMaxIterations(int iterations) {
    return new WebSettings(
        host,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        toolVersion,
        iterations,
        maxJobBytes,
        access);
  }

  /** A copy with another version string. */
  public WebSettings withToolVersion(String version) {
    return new WebSettings(
        host,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        maxSize,
        version,
        maxIterations,
        maxJobBytes,
        access);
  }

  /** A copy with other job limits. */
  public WebSettings withJobLimits(int newMaxSize, int newMaxIterations, long newMaxJobBytes) {
    return new WebSettings(
        host,
        port,
        dataDir,
        weights,
        queueCapacity,
        maxUploadBytes,
        maxPixels,
        newMaxSize,
        toolVersion,
        newMaxIterations,
        newMaxJobBytes,
        access);
  }

  /** Whether {@link #host()} is a loopback address. */
  public boolean isLoopback() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}

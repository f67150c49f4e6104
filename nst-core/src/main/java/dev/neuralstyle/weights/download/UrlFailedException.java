package dev.neuralstyle.weights.download;

/**
 * One URL could not deliver the file (no connection, an HTTP error, the wrong size) before any of
 * its bytes were kept; the downloader moves on to the next mirror.
 */
final class UrlFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  UrlFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}

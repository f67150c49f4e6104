package dev.neuralstyle.weights.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET request whose status and headers are available as soon as they arrive and whose body (for
 * 200 and 206 only) is read chunk by chunk through {@link BodyChunks}.
 */
final class HttpGet {
  private static final long HEADER_GRACE_MILLIS = 5_000;

  private final HttpResponse.ResponseInfo info;
  private final BodyChunks body;

  private HttpGet(HttpResponse.ResponseInfo info, BodyChunks body) {
    this.info = info;
    this.body = body;
  }

  /**
   * Sends the request and waits for the response headers.
   *
   * @param offset if positive, asks for the bytes from {@code offset} on with a Range header
   * @param timeout how long to wait for the headers
   * @throws IOException if no response arrives (connection refused, unknown host, timeout, ...)
   */
  static HttpGet open(HttpClient client, URI url, long offset, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("User-Agent", "neural-style-java")
            .GET();
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
    }
    BodyChunks chunks = new BodyChunks();
    CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> whole =
        client.sendAsync(
            request.build(),
            info -> {
              head.complete(info);
              return hasBody(info.statusCode())
                  ? BodySubscribers.fromSubscriber(chunks)
                  : BodySubscribers.discarding();
            });
    // Only the side effect matters: a failed exchange fails the header future too.
    CompletableFuture<?> unused =
        whole.whenComplete(
            (response, error) -> {
              if (error != null) {
                head.completeExceptionally(error);
              }
            });
    try {
      return new HttpGet(
          head.get(timeout.toMillis() + HEADER_GRACE_MILLIS, TimeUnit.MILLISECONDS), chunks);
    } catch (ExecutionException e) {
      throw asIoException(e.getCause());
    } catch (TimeoutException e) {
      whole.cancel(true);
      throw new HttpTimeoutException("no response within " + timeout.toMillis() + " ms");
    }
  }

  /** The HTTP status code. */
  int status() {
    return info.statusCode();
  }

  /** The response headers. */
  HttpHeaders headers() {
    return info.headers();
  }

  /** The body; only meaningful for status 200 and 206. */
  BodyChunks body() {
    return body;
  }

  private static boolean hasBody(int status) {
    return status == 200 || status == 206;
  }

  private static IOException asIoException(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e instanceof IOException io ? io : new IOException(e);
  }
}

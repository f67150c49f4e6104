package dev.neuralstyle.weights.download;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a response body from the HTTP client's threads to the downloading thread one chunk at a
 * time, so the caller reads with an idle timeout and at most one chunk is buffered.
 */
final class BodyChunks implements Flow.Subscriber<List<ByteBuffer>> {
  private record Item(List<ByteBuffer> data, Throwable error) {}

  private static final Item END = new Item(List.of(), null);

  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> data) {
    queue.add(new Item(data, null));
  }

  @Override
  public void onError(Throwable error) {
    queue.add(new Item(List.of(), error));
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  /**
   * The next chunk, or {@code null} at the end of the body.
   *
   * @throws IOException if the transfer failed or no data arrived within {@code idle}
   */
  // END is a sentinel: an empty data item equals it but does not end the body.
  @SuppressWarnings("ReferenceEquality")
  List<ByteBuffer> next(Duration idle) throws IOException, InterruptedException {
    Item item = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    if (item == null) {
      cancel();
      throw new HttpTimeoutException("no data received for " + idle.toMillis() + " ms");
    }
    if (item == END) {
      return null;
    }
    if (item.error() != null) {
      throw item.error() instanceof IOException io ? io : new IOException(item.error());
    }
    subscription.request(1);
    return item.data();
  }

  /** Stops the transfer; safe to call at any time and more than once. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}

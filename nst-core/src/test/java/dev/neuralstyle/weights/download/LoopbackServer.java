package dev.neuralstyle.weights.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file server on 127.0.0.1 with switchable misbehaviour, recording each request's Range. */
final class LoopbackServer implements AutoCloseable {
  /** How the server answers. */
  enum Mode {
    /** Serves the body, honouring {@code Range: bytes=N-} with 206. */
    NORMAL,
    /** Always answers 200 with the whole body. */
    IGNORE_RANGE,
    /** The first request announces the full length, sends half and closes; then NORMAL. */
    TRUNCATE_ONCE,
    /** Announces the full length, sends half and then stalls until the server stops. */
    STALL,
    /** Answers 404. */
    NOT_FOUND,
    /** Announces no length and sends the body over and over, until the client hangs up. */
    ENDLESS,
    /** Announces a Content-Length of 10^15 bytes and sends the body once. */
    HUGE_LENGTH
  }

  /** The Content-Length that {@link Mode#HUGE_LENGTH} announces. */
  static final long HUGE = 1_000_000_000_000_000L;

  /** The most bytes {@link Mode#ENDLESS} sends if the client never hangs up. */
  static final long ENDLESS_LIMIT = 64L << 20;

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final byte[] body;
  private volatile Mode mode;

  LoopbackServer(byte[] body, Mode mode) throws IOException {
    this.body = body.clone();
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url(String name) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/" + name);
  }

  /** The Range header of every request so far ("" when absent). */
  List<String> ranges() {
    return List.copyOf(ranges);
  }

  int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String range = exchange.getRequestHeaders().getFirst("Range");
    ranges.add(range == null ? "" : range);
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Mode m = mode;
      if (m == Mode.NOT_FOUND) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (m == Mode.TRUNCATE_ONCE) {
        mode = Mode.NORMAL;
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        return; // closing the exchange with bytes missing drops the connection
      }
      if (m == Mode.STALL) {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body, 0, body.length / 2);
        exchange.getResponseBody().flush();
        try {
          Thread.sleep(10_000); // interrupted by close()
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (m == Mode.ENDLESS) {
        exchange.sendResponseHeaders(200, 0); // chunked: no length announced
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; sent < ENDLESS_LIMIT; sent += body.length) {
          out.write(body);
        }
        return;
      }
      if (m == Mode.HUGE_LENGTH) {
        exchange.sendResponseHeaders(200, HUGE);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
        return;
      }
      Matcher r = range == null ? null : RANGE.matcher(range);
      if (m == Mode.NORMAL && r != null && r.matches()) {
        int start = Integer.parseInt(r.group(1));
        if (start >= body.length) {
          exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        exchange
            .getResponseHeaders()
            .add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
        exchange.sendResponseHeaders(206, body.length - start);
        exchange.getResponseBody().write(body, start, body.length - start);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      // the truncating mode makes the server complain about the short body; that is the point
    }
  }
}

package dev.neuralstyle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A small HTTP client for the API over real HTTP: multipart posts, JSON, SSE. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** One uploaded part: field name, client file name, bytes. */
  record Part(String field, String fileName, byte[] data) {}

  HttpResponse<String> post(Map<String, String> fields, List<Part> parts) throws Exception {
    String boundary = "----nst" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + f.getKey()
              + "\"\r\n\r\n"
              + f.getValue()
              + "\r\n");
    }
    for (Part p : parts) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + p.field()
              + "\"; filename=\""
              + p.fileName()
              + "\"\r\nContent-Type: image/png\r\n\r\n");
      body.write(p.data());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a job with a content and a style image and returns its id. */
  String create(Map<String, String> fields) throws Exception {
    HttpResponse<String> r =
        post(
            fields,
            List.of(
                new Part("content", "c.png", Fixtures.png(64, 48, 0)),
                new Part("style", "s.png", Fixtures.png(40, 40, 3))));
    if (r.statusCode() != 201) {
      throw new AssertionError("POST /api/jobs: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asText();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode job(String id) throws Exception {
    return JSON.readTree(get("/api/jobs/" + id).body());
  }

  /** Polls the job until its state is {@code state} (at most {@code seconds}). */
  JsonNode await(String id, String state, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    JsonNode job = job(id);
    while (!job.get("state").asText().equals(state) && System.nanoTime() < end) {
      Thread.sleep(50);
      job = job(id);
    }
    if (!job.get("state").asText().equals(state)) {
      throw new AssertionError("job " + id + " did not become " + state + ": " + job);
    }
    return job;
  }

  /** Reads the job's event stream until {@code last} matches an event (or the stream ends). */
  List<JsonNode> events(String id, Predicate<JsonNode> last, int seconds) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/events"))
            .timeout(Duration.ofSeconds(seconds))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    List<JsonNode> events = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (System.getenv("SSE_DEBUG") != null) {
          System.err.println(r.statusCode() + " SSE " + line);
        }
        if (line.startsWith("data:")) {
          JsonNode event = JSON.readTree(line.substring(5).trim());
          events.add(event);
          if (last.test(event)) {
            break;
          }
        }
      }
    }
    return events;
  }

  private static void write(ByteArrayOutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.neuralstyle.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, so a test can send what a well-behaved client never would: any
 * {@code Host}, a lying {@code Content-Length}, a truncated or malformed multipart body.
 */
final class RawHttp {
  /** A response: status, headers (lower-case names), body. */
  record Response(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
  static Response send(int port, String head, byte[] body) throws IOException {
    try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body);
        out.flush();
        s.shutdownOutput();
      } catch (SocketException e) {
        // the server answered and closed early (e.g. 413 before the body): read that answer
      }
      return read(s.getInputStream());
    }
  }

  /** A multipart body of text fields and one PNG per entry of {@code files}. */
  static byte[] multipart(String boundary, Map<String, String> fields, Map<String, byte[]> files)
      throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey().replaceAll("#.*", "");
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(f.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static Response read(InputStream in) throws IOException {
    byte[] all;
    try {
      all = in.readAllBytes();
    } catch (SocketException e) {
      all = new byte[0];
    }
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split);
    String body = split < 0 ? "" : text.substring(split + 4);
    String[] lines = head.split("\r\n");
    int status =
        lines.length > 0 && lines[0].startsWith("HTTP/")
            ? Integer.parseInt(lines[0].split(" ")[1])
            : -1;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return new Response(status, headers, body);
  }

  private static String dechunk(String body) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int n = Integer.parseInt(body.substring(at, eol).trim().split(";")[0], 16);
      if (n == 0) {
        break;
      }
      sb.append(body, eol + 2, Math.min(body.length(), eol + 2 + n));
      at = eol + 2 + n + 2;
    }
    return sb.toString();
  }
}

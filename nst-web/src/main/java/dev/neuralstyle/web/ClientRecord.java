package dev.neuralstyle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * A job's {@code run.json} as clients see it: the same record without what only the server's owner
 * should know. Every absolute path (the data directory, the job directory, the weights file)
 * becomes its file name, and the {@code versions} of the tool, Java, DJL and PyTorch are left out.
 */
final class ClientRecord {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClientRecord() {}

  static byte[] of(byte[] record) {
    JsonNode root;
    try {
      root = JSON.readTree(record);
    } catch (IOException e) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
    if (!(root instanceof ObjectNode o)) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
    o.remove("versions");
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(o);
    while (!todo.isEmpty()) { // iterative: a record's depth is the writer's, but stay bounded
      JsonNode n = todo.pop();
      if (n instanceof ObjectNode obj) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getValue().isTextual()) {
            e.setValue(new TextNode(fileName(e.getValue().asText())));
          } else {
            todo.push(e.getValue());
          }
        }
      } else if (n.isArray()) {
        com.fasterxml.jackson.databind.node.ArrayNode a =
            (com.fasterxml.jackson.databind.node.ArrayNode) n;
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i).isTextual()) {
            a.set(i, new TextNode(fileName(a.get(i).asText())));
          } else {
            todo.push(a.get(i));
          }
        }
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
    } catch (IOException e) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
  }

  /** {@code /srv/data/jobs/ab12/content.png} → {@code content.png}; other text unchanged. */
  static String fileName(String text) {
    boolean absolute =
        text.startsWith("/")
            || (text.length() > 2 && text.charAt(1) == ':' && text.charAt(2) == '\\');
    if (!absolute) {
      return text;
    }
    int cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
    return text.substring(cut + 1);
  }
}

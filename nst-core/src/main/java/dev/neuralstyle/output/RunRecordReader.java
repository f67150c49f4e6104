package dev.neuralstyle.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a run record written by {@link RunRecordWriter} back into a request and its steps, the
 * inverse of the writer's mapping (paths as written, enums by name, the init in its command-line
 * form). Every request field must be present, so a record from another layout fails clearly; the
 * only exceptions are fields added later ({@code device}, {@code precision}, {@code seamless},
 * {@code tile}), which records without them take from {@link Defaults}.
 */
public final class RunRecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Request fields added after the first records were written, with the value they default to. */
  private static final Map<String, Object> ADDED_LATER =
      Map.of("seamless", Defaults.SEAMLESS, "tile", Defaults.TILE);

  private RunRecordReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws NstException naming the file and the field when it is not a readable run record
   */
  public static RecordedRun read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new NstException("cannot read run record " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !"neural-style run record".equals(root.path("format").asText())) {
      throw new NstException(file + " is not a neural-style run record (no \"format\" field)");
    }
    StyleTransferRequest request = request(file, root.path("request"));
    List<StepRecord> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      steps.add(
          new StepRecord(
              s.path("iteration").asInt(),
              s.path("content").asDouble(),
              s.path("style").asDouble(),
              s.path("tv").asDouble(),
              s.path("total").asDouble(),
              s.path("seconds").asDouble()));
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    root.path("outputs")
        .fields()
        .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
    JsonNode result = root.path("result");
    return new RecordedRun(
        request,
        steps,
        result.path("evaluations").asInt(),
        result.path("stopReason").asText(),
        outputs);
  }

  private static StyleTransferRequest request(Path file, JsonNode node) {
    RecordComponent[] components = StyleTransferRequest.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      if (c.getType() == DeviceSpec.class && !node.has(c.getName())) {
        args[i] = Defaults.DEVICE; // a record written before --device existed
        continue;
      }
      if (c.getType() == Precision.class && !node.has(c.getName())) {
        args[i] = Defaults.PRECISION; // a record written before --precision existed
        continue;
      }
      if (!node.has(c.getName()) && ADDED_LATER.containsKey(c.getName())) {
        args[i] = ADDED_LATER.get(c.getName()); // a record written before the field existed
        continue;
      }
      if (!node.has(c.getName())) {
        throw new NstException(
            "run record " + file + " has no request field '" + c.getName() + "'");
      }
      try {
        args[i] = value(node.get(c.getName()), c.getGenericType());
      } catch (IllegalArgumentException | NstException e) {
        throw new NstException(
            "run record " + file + ": field '" + c.getName() + "': " + e.getMessage(), e);
      }
    }
    try {
      Constructor<StyleTransferRequest> ctor =
          StyleTransferRequest.class.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof NstException nst) {
        throw new NstException("run record " + file + ": " + nst.getMessage(), nst);
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(JsonNode n, Type type) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (type instanceof ParameterizedType p) {
      Type element = p.getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (JsonNode item : n) {
        list.add(value(item, element));
      }
      return list;
    }
    Class<?> c = (Class<?>) type;
    if (c == int.class || c == Integer.class) {
      return n.asInt();
    }
    if (c == long.class || c == Long.class) {
      return n.asLong();
    }
    if (c == double.class || c == Double.class) {
      return n.asDouble();
    }
    if (c == boolean.class) {
      return n.asBoolean();
    }
    if (c == String.class) {
      return n.asText();
    }
    if (c == Path.class) {
      return Path.of(n.asText());
    }
    if (c == InitSpec.class) {
      return InitSpec.parse(n.asText());
    }
    if (c == DeviceSpec.class) {
      return DeviceSpec.parse(n.asText());
    }
    if (c.isEnum()) {
      return enumValue(c, n.asText());
    }
    throw new IllegalArgumentException("unsupported type " + c.getSimpleName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> c, String text) {
    return Enum.valueOf((Class) c, text.toUpperCase(Locale.ROOT));
  }
}

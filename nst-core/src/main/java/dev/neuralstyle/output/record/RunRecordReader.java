package dev.neuralstyle.output.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a run record written by {@link RunRecordWriter} back into a request and its steps, the
 * inverse of the writer's mapping (paths as written, enums by name, the init in its command-line
 * form). A request field the record lacks (a record written before the setting existed) takes the
 * default of its {@link Settings} entry.
 */
public final class RunRecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest run record read (a record of 100,000 steps is about 15 MB). */
  static final long MAX_BYTES = 64L << 20;

  /** The most evaluations a run can have (the largest {@code iterations}). */
  static final int MAX_EVALUATIONS = 10_000_000;

  private RunRecordReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws NstException naming the file and the field when it is not a readable run record
   */
  public static RecordedRun read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(RegularFiles.readAllBytes(file, "run record", MAX_BYTES));
    } catch (IOException e) {
      throw new NstException("cannot read run record " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !"neural-style run record".equals(root.path("format").asText())) {
      throw new NstException(file + " is not a neural-style run record (no \"format\" field)");
    }
    try {
      StyleTransferRequest request = request(file, root.path("request"));
      List<StepRecord> steps = new ArrayList<>();
      JsonNode stepList = root.path("steps");
      if (!stepList.isMissingNode() && !stepList.isArray()) {
        throw new NstException(
            "field 'steps' must be a list, found " + RecordValues.show(stepList));
      }
      for (JsonNode s : stepList) {
        steps.add(step(s, request));
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      JsonNode out = root.path("outputs");
      for (var it = out.fields(); it.hasNext(); ) {
        var e = it.next();
        outputs.put(e.getKey(), RecordValues.text(e.getValue(), "outputs." + e.getKey()));
      }
      JsonNode result = root.path("result");
      return new RecordedRun(
          request,
          steps,
          RecordValues.integer(result.get("evaluations"), "result.evaluations", 0, MAX_EVALUATIONS),
          RecordValues.text(result.get("stopReason"), "result.stopReason"),
          outputs,
          weightsFile(root.path("weights").get("file")),
          weightsSha256(root.path("weights").get("sha256")));
    } catch (NstException e) {
      if (e.getMessage().startsWith("run record ")) {
        throw e;
      }
      throw new NstException("run record " + file + ": " + e.getMessage(), e);
    }
  }

  /** The recorded digest; anything but 64 hex digits counts as not recorded. */
  private static String weightsSha256(JsonNode n) {
    String hex = n == null || !n.isTextual() ? "" : n.asText().toLowerCase(Locale.ROOT);
    return hex.matches("[0-9a-f]{64}") ? hex : null;
  }

  private static Path weightsFile(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return Path.of(RecordValues.text(n, "weights.file"));
    } catch (java.nio.file.InvalidPathException e) {
      throw new NstException("field 'weights.file' is not a valid path: " + RecordValues.show(n));
    }
  }

  /**
   * One step. Records from before the weighted terms were kept hold the raw losses only: their
   * weighted terms are the raw ones times the request's weights (adaptive runs keep the raw ones).
   */
  private static StepRecord step(JsonNode s, StyleTransferRequest q) {
    double c = RecordValues.number(s.get("content"), "steps.content");
    double st = RecordValues.number(s.get("style"), "steps.style");
    double tv = RecordValues.number(s.get("tv"), "steps.tv");
    JsonNode raw = s.path("raw");
    LossBreakdown.Raw r;
    if (raw.isObject()) {
      r =
          new LossBreakdown.Raw(
              RecordValues.number(raw.get("content"), "steps.raw.content"),
              RecordValues.number(raw.get("style"), "steps.raw.style"),
              RecordValues.number(raw.get("tv"), "steps.raw.tv"));
    } else {
      r = new LossBreakdown.Raw(c, st, tv);
      if (!q.adaptiveWeights()) {
        c *= q.contentWeight();
        st *= q.styleWeight();
        tv *= q.tvWeight();
      }
    }
    return new StepRecord(
        RecordValues.integer(s.get("iteration"), "steps.iteration", 0, MAX_EVALUATIONS),
        c,
        st,
        tv,
        RecordValues.number(s.get("total"), "steps.total"),
        RecordValues.number(s.get("seconds"), "steps.seconds"),
        r);
  }

  private static StyleTransferRequest request(Path file, JsonNode node) {
    RecordComponent[] components = StyleTransferRequest.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      if (!node.has(c.getName()) && Settings.byField(c.getName()).isPresent()) {
        // A record written before the setting existed: the setting's default.
        args[i] = Settings.byField(c.getName()).get().defaultValue();
        continue;
      }
      if (!node.has(c.getName())) {
        throw new NstException(
            "run record " + file + " has no request field '" + c.getName() + "'");
      }
      try {
        args[i] = value(node.get(c.getName()), c.getGenericType(), "request." + c.getName());
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
      throw new NstException(
          "run record " + file + " holds an invalid request: " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(JsonNode n, Type type, String field) {
    if (n == null || n.isNull()) {
      if (type instanceof Class<?> k && k.isPrimitive()) {
        throw new NstException("field '" + field + "' must have a value, found null");
      }
      return null;
    }
    if (type instanceof ParameterizedType p) {
      if (!n.isArray()) {
        throw new NstException(
            "field '" + field + "' must be a list, found " + RecordValues.show(n));
      }
      Type element = p.getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (JsonNode item : n) {
        list.add(value(item, element, field));
      }
      return list;
    }
    Class<?> c = (Class<?>) type;
    if (c == int.class || c == Integer.class) {
      return RecordValues.integer(n, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (c == long.class || c == Long.class) {
      return RecordValues.integer64(n, field);
    }
    if (c == double.class || c == Double.class) {
      return RecordValues.number(n, field);
    }
    if (c == boolean.class) {
      return RecordValues.bool(n, field);
    }
    if (c == String.class) {
      return RecordValues.text(n, field);
    }
    if (c == Path.class) {
      return Path.of(RecordValues.text(n, field));
    }
    if (c == InitSpec.class) {
      return InitSpec.parse(RecordValues.text(n, field));
    }
    if (c == DeviceSpec.class) {
      return DeviceSpec.parse(RecordValues.text(n, field));
    }
    if (c.isEnum()) {
      var setting = Settings.byField(field.substring(field.lastIndexOf('.') + 1));
      if (setting.isPresent() && n.isTextual()) {
        try {
          return setting.get().type().parse().apply(n.asText()); // the wire names
        } catch (IllegalArgumentException e) {
          // not a wire name: the constant's name, as older records wrote it, or an error naming
          // the field
        }
      }
      return RecordValues.enumValue(c, n, field);
    }
    throw new IllegalArgumentException("unsupported type " + c.getSimpleName());
  }
}

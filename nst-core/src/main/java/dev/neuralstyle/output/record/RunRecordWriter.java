package dev.neuralstyle.output.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.transfer.TilePlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link RunRecord} as pretty-printed JSON. Every component of the request is written, by
 * reflection over the record, so a setting added to {@link StyleTransferRequest} appears in the
 * record without a change here; paths are written as given, enums by their wire names in the {@link
 * Settings} schema.
 */
public final class RunRecordWriter {
  /** Version of the record's layout; raise it when a field changes meaning. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunRecordWriter() {}

  /** The record as a JSON document. */
  public static String toJson(RunRecord record) {
    try {
      return JSON.writeValueAsString(tree(record)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the run record: " + e.getMessage(), e);
    }
  }

  /** Writes the record to {@code file} atomically (see {@link AtomicFiles}). */
  public static void write(Path file, RunRecord record) {
    byte[] bytes = toJson(record).getBytes(StandardCharsets.UTF_8);
    dev.neuralstyle.image.AtomicFiles.write(file, out -> out.write(bytes));
  }

  private static Map<String, Object> tree(RunRecord r) {
    StyleTransferRequest q = r.request();
    StyleTransferResult res = r.result();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "neural-style run record");
    root.put("formatVersion", FORMAT_VERSION);
    root.put("seed", q.seed());
    root.put("request", request(q));
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("file", r.weights().file().toString());
    weights.put("sha256", r.weights().sha256());
    weights.put("format", r.weights().format());
    weights.put("convention", r.weights().convention());
    weights.put("model", r.weights().model());
    if (r.weights().layerFallback() != null) {
      weights.put("layerFallback", r.weights().layerFallback());
    }
    if (!r.weights().facts().isEmpty()) {
      weights.put("fileFacts", r.weights().facts());
    }
    root.put("weights", weights);
    root.put("versions", r.versions());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("width", res.image().getWidth());
    result.put("height", res.image().getHeight());
    result.put("preprocessing", name(res.preprocessing()));
    result.put("device", res.device());
    result.put("evaluations", res.evaluations());
    result.put("iterationsRecorded", res.steps().size());
    result.put("setupSeconds", res.setupSeconds());
    result.put("optimizeSeconds", res.optimizeSeconds());
    result.put("stopReason", res.stopReason());
    List<Object> stages = new ArrayList<>();
    for (TilePlan p : res.stages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("width", p.width());
      m.put("height", p.height());
      m.put("tiled", p.tiled());
      m.put("tile", p.tile());
      m.put("halo", p.tiled() ? p.halo() : 0);
      m.put("reason", p.reason());
      m.put("estimateBytes", p.estimateBytes());
      m.put("optimizer", p.optimizer().name().toLowerCase(java.util.Locale.ROOT));
      if (p.optimizer() == dev.neuralstyle.optimize.OptimizerKind.LBFGS) {
        m.put("lbfgsHistory", p.history());
      }
      stages.add(m);
    }
    result.put("stages", stages);
    if (!res.steps().isEmpty()) {
      StepRecord first = res.steps().get(0);
      StepRecord last = res.steps().get(res.steps().size() - 1);
      result.put("first", step(first));
      result.put("last", step(last));
    }
    root.put("result", result);
    root.put("outputs", r.outputs());
    List<Object> steps = new ArrayList<>();
    for (StepRecord s : res.steps()) {
      steps.add(step(s));
    }
    root.put("steps", steps);
    return root;
  }

  /**
   * Every request setting by field name as the record writes it (paths as text, enums by their
   * schema wire names), plus {@code normalizedStyleBlend} and {@code effectiveStyleLayerWeights}.
   */
  public static Map<String, Object> requestFields(StyleTransferRequest q) {
    return request(q);
  }

  private static Map<String, Object> request(StyleTransferRequest q) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : StyleTransferRequest.class.getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(q);
        var setting = Settings.byField(c.getName());
        // Enums by the schema's one wire name per value (pooling avg, not average).
        m.put(
            c.getName(),
            v instanceof Enum<?> && setting.isPresent() ? setting.get().format(v) : value(v));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new NstException("cannot read request field " + c.getName(), e);
      }
    }
    m.put("normalizedStyleBlend", q.normalizedStyleBlend());
    m.put("effectiveStyleLayerWeights", q.effectiveStyleLayerWeights());
    return m;
  }

  private static Map<String, Object> step(StepRecord s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iteration", s.iteration());
    m.put("content", s.content());
    m.put("style", s.style());
    m.put("tv", s.tv());
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("content", s.raw().content());
    raw.put("style", s.raw().style());
    raw.put("tv", s.raw().tv());
    m.put("raw", raw);
    m.put("total", s.total());
    m.put("seconds", s.seconds());
    return m;
  }

  private static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Path p) {
      return p.toString();
    }
    if (v instanceof Enum<?> e) {
      return name(e);
    }
    if (v instanceof InitSpec init) {
      return init.describe();
    }
    if (v instanceof DeviceSpec device) {
      return device.describe();
    }
    if (v instanceof List<?> list) {
      return list.stream().map(RunRecordWriter::value).toList();
    }
    return v.toString();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}

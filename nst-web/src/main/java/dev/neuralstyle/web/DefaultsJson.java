package dev.neuralstyle.web;

import dev.neuralstyle.output.RunOutput;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.Setting;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.weights.VggWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/defaults}: every form field's starting value (the library's {@link Settings}
 * schema, through a fresh request builder, so no default is written twice), each preset's values,
 * the choices of each enumerated field, the files a finished job has ({@link RunOutput}, in order),
 * the server's weights and limits.
 */
final class DefaultsJson {
  private DefaultsJson() {}

  /**
   * @param unavailable the choices this server cannot run, per field, with the reasons
   */
  static Map<String, Object> of(
      VggWeights weights, WebSettings settings, Map<String, Map<String, String>> unavailable) {
    Map<String, Object> m = new LinkedHashMap<>();
    StyleTransferRequestBuilder defaults = StyleTransferRequest.builder().model(weights.model());
    LayerFallback fallback = LayerFallback.forWeights(weights.model(), weights);
    defaults.contentLayers(fallback.contentLayers()).styleLayers(fallback.styleLayers());
    m.put("defaults", values(defaults));
    Map<String, Object> presets = new LinkedHashMap<>();
    for (Preset p : Preset.values()) {
      presets.put(p.cliName(), values(p.applyTo(StyleTransferRequest.builder())));
    }
    m.put("presets", presets);
    Map<String, Object> choices = new LinkedHashMap<>();
    for (Setting<?> setting : Settings.in(Setting.Front.FORM)) {
      if (!setting.type().choices().isEmpty()) {
        choices.put(setting.key(), setting.type().choices());
      }
    }
    m.put("choices", choices);
    m.put("unavailable", unavailable);
    List<Map<String, String>> outputs = new ArrayList<>();
    for (RunOutput o : RunOutput.values()) {
      outputs.add(
          Map.of("role", o.role(), "file", o.jobFileName(), "description", o.description()));
    }
    m.put("outputs", outputs);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("model", weights.model().cliName());
    server.put("layers", weights.layerNames());
    server.put("layerFallback", fallback.note());
    if (fallback.fellBack()) {
      server.put(
          "fullLayers",
          Map.of(
              "content", String.join(",", Defaults.CONTENT_LAYERS),
              "style", String.join(",", Defaults.STYLE_LAYERS)));
    }
    server.put("maxSize", settings.maxSize());
    server.put("maxUploadBytes", settings.maxUploadBytes());
    server.put("maxPixels", settings.maxPixels());
    server.put("queueCapacity", settings.queueCapacity());
    m.put("server", server);
    return m;
  }

  /**
   * Every form field's value in a builder, by its key: numbers and switches as JSON numbers and
   * booleans, everything else as the text the field parses.
   */
  private static Map<String, Object> values(StyleTransferRequestBuilder b) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (Setting<?> setting : Settings.in(Setting.Front.FORM)) {
      Object value = setting.get().apply(b);
      v.put(
          setting.key(),
          value instanceof Number || value instanceof Boolean ? value : setting.text(b));
    }
    return v;
  }
}

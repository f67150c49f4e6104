package dev.neuralstyle.web;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.weights.VggWeights;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/defaults}: the form's starting values, read from the library's {@code Defaults}
 * through a fresh request builder (so no default is written twice), each preset's values, the
 * choices of each enumerated field, the server's weights and limits.
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
    choices.put(
        "optimizer", Arrays.stream(OptimizerKind.values()).map(OptimizerKind::cliName).toList());
    choices.put("pooling", Arrays.stream(PoolingMode.values()).map(PoolingMode::cliName).toList());
    choices.put("seamless", List.of("false", "true"));
    choices.put("precision", Arrays.stream(Precision.values()).map(Precision::cliName).toList());
    choices.put(
        "preserve-colors",
        Arrays.stream(ColorPreservation.values()).map(ColorPreservation::cliName).toList());
    choices.put(
        "device",
        Arrays.stream(DeviceSpec.Kind.values()).map(k -> new DeviceSpec(k, 0).describe()).toList());
    m.put("choices", choices);
    m.put("unavailable", unavailable);
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

  /** The form fields' values in a builder, named like the CLI's options. */
  private static Map<String, Object> values(StyleTransferRequestBuilder b) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("model", b.model().cliName());
    v.put("size", b.size());
    v.put("iterations", b.iterations());
    v.put("content-weight", b.contentWeight());
    v.put("style-weight", b.styleWeight());
    v.put("tv-weight", b.tvWeight());
    v.put("optimizer", b.optimizer().cliName());
    v.put("learning-rate", b.learningRate());
    v.put("pooling", b.pooling().cliName());
    v.put("precision", b.precision().cliName());
    v.put("preserve-colors", b.colorPreservation().cliName());
    v.put("content-layers", String.join(",", b.contentLayers()));
    v.put("style-layers", String.join(",", b.styleLayers()));
    v.put("loss-form", b.lossForm().name().toLowerCase(Locale.ROOT));
    v.put("tv-form", b.tvForm().name().toLowerCase(Locale.ROOT));
    v.put("adaptive-weights", b.adaptiveWeights());
    v.put("init", b.init().describe());
    v.put("seed", b.seed());
    v.put("style-size", b.styleSize());
    v.put("device", b.device().describe());
    v.put("seamless", String.valueOf(b.seamless()));
    v.put("tile", b.tile());
    return v;
  }
}

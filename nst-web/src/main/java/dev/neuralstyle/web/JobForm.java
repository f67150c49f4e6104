package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.weights.VggWeights;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a job's settings (form fields) into a validated request for the server's weights: the
 * library defaults, then the preset, then every field given, exactly as the CLI does. Every
 * rejected value becomes a {@link FormException} naming the field.
 */
public final class JobForm {
  /** The preset field. */
  public static final String PRESET = "preset";

  private static final Pattern FLAG = Pattern.compile("--([a-z-]+)");
  private static final int SNAPSHOTS_PER_RUN = 40;

  private final VggWeights weights;
  private final int maxSize;
  private final long maxPixels;
  private final int maxIterations;
  private final long maxJobBytes;

  /**
   * @param weights the server's weights (they decide the model when the settings do not)
   * @param maxSize the largest {@code size} accepted
   * @param maxPixels the pixel cap of input images
   */
  public JobForm(VggWeights weights, int maxSize, long maxPixels) {
    this(weights, maxSize, maxPixels, WebSettings.DEFAULT_MAX_ITERATIONS, 0);
  }

  /**
   * @param weights the server's weights (they decide the model when the settings do not)
   * @param maxSize the largest {@code size} and style image side accepted
   * @param maxPixels the pixel cap of input images
   * @param maxIterations the largest {@code iterations} accepted
   * @param maxJobBytes the most memory a job may need ({@link JobLimits}); 0: no memory check
   */
  public JobForm(
      VggWeights weights, int maxSize, long maxPixels, int maxIterations, long maxJobBytes) {
    this.weights = weights;
    this.maxSize = maxSize;
    this.maxPixels = maxPixels;
    this.maxIterations = maxIterations;
    this.maxJobBytes = maxJobBytes;
  }

  /** The server's weights. */
  public VggWeights weights() {
    return weights;
  }

  /**
   * Canonical settings from raw form fields: names normalised ({@code contentWeight} → {@code
   * content-weight}), blank values dropped.
   *
   * @throws FormException for an unknown field or a field given twice
   */
  public static Map<String, String> settings(Map<String, List<String>> fields) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      String name = FormFields.canonical(e.getKey());
      if (!name.equals(PRESET) && !FormFields.isField(name)) {
        throw new FormException(e.getKey(), "unknown field");
      }
      List<String> values = e.getValue().stream().filter(v -> !v.isBlank()).toList();
      if (values.size() > 1 || settings.containsKey(name)) {
        throw new FormException(e.getKey(), "given more than once");
      }
      if (!values.isEmpty()) {
        settings.put(name, values.get(0).trim());
      }
    }
    return settings;
  }

  /**
   * The request for {@code settings} on the given images.
   *
   * @throws FormException naming the field of the first invalid value
   */
  public StyleTransferRequest request(
      Map<String, String> settings, Path content, List<Path> styles) {
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    String preset = settings.get(PRESET);
    if (preset != null) {
      try {
        Preset.parse(preset).applyTo(b);
      } catch (IllegalArgumentException e) {
        throw new FormException(PRESET, e.getMessage());
      }
    } else {
      b.model(weights.model());
      // Default layers this server's weights lack fall back to the deepest they have; layers the
      // form names are kept (and fail below when missing).
      LayerFallback fallback = LayerFallback.forWeights(weights.model(), weights);
      b.contentLayers(fallback.contentLayers()).styleLayers(fallback.styleLayers());
    }
    settings.forEach(
        (name, text) -> {
          if (!name.equals(PRESET)) {
            FormFields.apply(b, name, text);
          }
        });
    b.content(content).styles(styles).maxPixels(maxPixels);
    b.snapshotEvery(Math.max(1, b.iterations() / SNAPSHOTS_PER_RUN));
    if (b.size() > maxSize) {
      throw new FormException(
          "size", "must be at most " + maxSize + " on this server, found " + b.size());
    }
    StyleTransferRequest request;
    try {
      request = b.build();
      request.device().requireAvailable(); // a GPU this server lacks: 400 now, not a failed job
    } catch (NstException e) {
      throw new FormException(fieldOf(e.getMessage()), e.getMessage());
    }
    if (request.model() != weights.model()) {
      String field = settings.containsKey("model") ? "model" : PRESET;
      throw new FormException(
          field,
          "needs "
              + request.model().cliName()
              + " weights; this server has "
              + weights.model().cliName());
    }
    requireLayers(request.contentLayers(), "content-layers");
    requireLayers(request.styleLayers(), "style-layers");
    JobLimits.check(request, maxSize, maxIterations, maxJobBytes);
    return request;
  }

  private void requireLayers(List<String> layers, String field) {
    try {
      weights.requireLayers(layers);
    } catch (NstException e) {
      // The message names the server's weights file; clients see only the rule.
      String message =
          e.getMessage().replace(String.valueOf(weights.source()), "the server's weights");
      throw new FormException(field, message);
    }
  }

  /** The field a library message names with its flag, e.g. {@code --tv-weight} → tv-weight. */
  private static String fieldOf(String message) {
    Matcher m = FLAG.matcher(message == null ? "" : message);
    if (!m.find()) {
      return "settings";
    }
    return m.group(1);
  }
}

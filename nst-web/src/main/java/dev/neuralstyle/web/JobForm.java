package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.web.FormException.FieldError;
import dev.neuralstyle.weights.VggWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a job's settings (form fields) into a validated request for the server's weights: the
 * library defaults, then the preset, then every field given, exactly as the CLI does. Every
 * rejected value becomes a {@link FormException} naming the field.
 */
public final class JobForm {
  /** The preset field. */
  public static final String PRESET = "preset";

  private final VggWeights weights;
  private final long maxPixels;
  private final ServerChecks checks;
  private final int maxSize;
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
    this.maxPixels = maxPixels;
    this.maxSize = maxSize;
    this.maxIterations = maxIterations;
    this.maxJobBytes = maxJobBytes;
    this.checks = new ServerChecks(weights, maxSize);
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
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      String name = FormFields.canonical(e.getKey());
      List<String> values = e.getValue().stream().filter(v -> !v.isBlank()).toList();
      if (!name.equals(PRESET) && !FormFields.isField(name)) {
        errors.add(new FieldError(e.getKey(), "unknown field"));
      } else if (values.size() > 1 || settings.containsKey(name)) {
        errors.add(new FieldError(e.getKey(), "given more than once"));
      } else if (!values.isEmpty()) {
        settings.put(name, values.get(0).trim());
      }
    }
    if (!errors.isEmpty()) {
      throw new FormException(errors);
    }
    return settings;
  }

  /**
   * The request for {@code settings} on the given images.
   *
   * @throws FormException naming every invalid field found (values that do not parse, values this
   *     server cannot run), or the first rule the request as a whole breaks
   */
  public StyleTransferRequest request(
      Map<String, String> settings, Path content, List<Path> styles) {
    List<FieldError> errors = new ArrayList<>();
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    String preset = settings.get(PRESET);
    if (preset != null) {
      try {
        Preset.parse(preset).applyTo(b);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(PRESET, e.getMessage()));
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
            try {
              FormFields.apply(b, name, text);
            } catch (FormException e) {
              errors.addAll(e.errors());
            }
          }
        });
    b.content(content).styles(styles).maxPixels(maxPixels);
    if (b.model() != weights.model()) {
      String field = settings.containsKey("model") ? "model" : PRESET;
      errors.add(
          new FieldError(
              field,
              "needs "
                  + b.model().cliName()
                  + " weights; this server has "
                  + weights.model().cliName()));
    } else {
      checks.check(b, errors);
    }
    if (!errors.isEmpty()) {
      throw new FormException(errors);
    }
    StyleTransferRequest request;
    try {
      request = b.build();
      // Live snapshots (and resume points) as often as the CLI's GIF frames, over every stage.
      request = request.toBuilder().snapshotEvery(request.framePeriod(Defaults.GIF_FRAMES)).build();
    } catch (NstException e) {
      throw new FormException(CoreMessages.errors(e, "settings"));
    }
    JobLimits.check(request, maxSize, maxIterations, maxJobBytes);
    return request;
  }

  /** The choices this server cannot run, with the reasons (see {@link ServerChecks}). */
  public Map<String, Map<String, String>> unavailable() {
    return checks.unavailable();
  }
}

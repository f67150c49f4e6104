package dev.neuralstyle.output.record;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Which weights a run used, for its record.
 *
 * @param file the weights file
 * @param sha256 SHA-256 of the whole file
 * @param format its container format, e.g. {@code SAFETENSORS}
 * @param convention the input convention the run used, e.g. {@code caffe}
 * @param model the network, e.g. {@code vgg19}
 * @param facts what the file says about itself that affects results, e.g. {@code input_convention}
 *     (the file's own convention and how it was mapped) and {@code network} (the paper's normalised
 *     VGG)
 * @param layerFallback when the run used fallback layers because the file lacks the default ones,
 *     the line saying so (see {@link dev.neuralstyle.transfer.LayerFallback}); else {@code null}
 */
public record WeightsProvenance(
    Path file,
    String sha256,
    String format,
    String convention,
    String model,
    Map<String, String> facts,
    String layerFallback) {
  /** Weights that held the layers the run asked for, without file facts. */
  public WeightsProvenance(
      Path file, String sha256, String format, String convention, String model) {
    this(file, sha256, format, convention, model, Map.of(), null);
  }

  /** Checks that no component is {@code null}. */
  public WeightsProvenance {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(convention, "convention");
    Objects.requireNonNull(model, "model");
    facts = Map.copyOf(facts);
  }
}

package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.FeatureNetworks;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.web.FormException.FieldError;
import dev.neuralstyle.weights.VggWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this server can run, checked when a job is submitted (so a job the server cannot run is
 * refused with a 400 at its field, never queued to fail later): the size cap, layers its weights
 * hold, a device it has and a precision that device runs. Messages are written for the page: they
 * name no file and no command-line option.
 */
final class ServerChecks {
  private final VggWeights weights;
  private final int maxSize;
  private Map<String, Map<String, String>> unavailable;

  ServerChecks(VggWeights weights, int maxSize) {
    this.weights = weights;
    this.maxSize = maxSize;
  }

  /** Adds an error for every value in {@code b} this server cannot run. */
  void check(StyleTransferRequestBuilder b, List<FieldError> errors) {
    if (b.size() > maxSize) {
      errors.add(
          new FieldError(
              "size", "must be at most " + maxSize + " on this server, found " + b.size()));
    }
    layers(b.contentLayers(), "content-layers", errors);
    layers(b.styleLayers(), "style-layers", errors);
    String device = deviceProblem(b.device());
    if (device != null) {
      errors.add(new FieldError("device", device));
    } else {
      String precision = precisionProblem(b.precision(), b.device());
      if (precision != null) {
        errors.add(new FieldError("precision", precision));
      }
    }
  }

  /**
   * The choices of {@code device}, {@code precision} and {@code preset} this server cannot run,
   * each with the reason: {@code {"device": {"gpu": "…"}, "precision": {"fp16": "…"}, "preset":
   * {"gatys": "…"}}}.
   */
  synchronized Map<String, Map<String, String>> unavailable() {
    if (unavailable == null) {
      Map<String, String> devices = new LinkedHashMap<>();
      String gpu = deviceProblem(DeviceSpec.gpu(0));
      if (gpu != null) {
        devices.put(DeviceSpec.gpu(0).describe(), gpu);
      }
      Map<String, String> precisions = new LinkedHashMap<>();
      for (Precision p : Precision.values()) {
        String problem = precisionProblem(p, DeviceSpec.auto());
        if (problem != null) {
          precisions.put(p.cliName(), problem);
        }
      }
      Map<String, String> presets = new LinkedHashMap<>();
      for (Preset p : Preset.values()) {
        String problem = presetProblem(p);
        if (problem != null) {
          presets.put(p.cliName(), problem);
        }
      }
      unavailable = Map.of("device", devices, "precision", precisions, "preset", presets);
    }
    return unavailable;
  }

  private String presetProblem(Preset preset) {
    StyleTransferRequestBuilder b = preset.applyTo(StyleTransferRequest.builder());
    if (b.model() != weights.model()) {
      return "needs "
          + b.model().cliName()
          + " weights; this server has "
          + weights.model().cliName();
    }
    List<String> layers = new ArrayList<>(b.contentLayers());
    layers.addAll(b.styleLayers());
    List<String> missing = missing(layers);
    return missing.isEmpty()
        ? null
        : "needs layers this server's weights lack: " + String.join(", ", missing);
  }

  /** The known layers in {@code layers} that this server's weights cannot compute. */
  private List<String> missing(List<String> layers) {
    List<String> missing = new ArrayList<>();
    for (String layer : layers) {
      if (weights.model().indexOf(layer) < 0 || missing.contains(layer)) {
        continue; // an unknown name: the request's own check reports it
      }
      try {
        weights.requireLayers(List.of(layer));
      } catch (NstException e) {
        missing.add(layer);
      }
    }
    return missing;
  }

  private void layers(List<String> layers, String field, List<FieldError> errors) {
    List<String> missing = missing(layers);
    if (!missing.isEmpty()) {
      List<String> held = weights.layerNames();
      errors.add(
          new FieldError(
              field,
              "this server's weights hold "
                  + (held.isEmpty() ? "no layers" : held.get(0) + " … " + held.get(held.size() - 1))
                  + ", so they cannot compute "
                  + String.join(", ", missing)));
    }
  }

  private static String deviceProblem(DeviceSpec device) {
    try {
      device.requireAvailable();
      return null;
    } catch (NstException e) {
      return "this server has no " + device.describe() + " it can use; choose auto or cpu";
    }
  }

  private static String precisionProblem(Precision precision, DeviceSpec device) {
    if (precision == Precision.FP32) {
      return null; // runs everywhere; no need to ask the engine about devices
    }
    try {
      FeatureNetworks.requireSupported(precision, device.resolve());
      return null;
    } catch (NstException e) {
      return CoreMessages.errors(e, "precision").get(0).message();
    }
  }
}

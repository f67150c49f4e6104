package dev.neuralstyle.weights;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which input convention ({@link Preprocessing}) a weights file expects, in this order: an
 * explicit override; safetensors metadata {@code preprocessing}; Keras files (always Caffe); the
 * published SHA-256 prefixes; those 8 hex digits in the file or archive name; the Caffe-converted
 * key set ({@code classifier.1}); otherwise torchvision, with a note saying it was assumed.
 */
final class ConventionDetector {
  private static final Map<String, Preprocessing> KNOWN_PREFIXES =
      Map.of(
          "dcbb9e9d", Preprocessing.TORCHVISION,
          "397923af", Preprocessing.TORCHVISION,
          "d01eb7cb", Preprocessing.CAFFE,
          "00b39a1b", Preprocessing.CAFFE);

  private ConventionDetector() {}

  static Preprocessing detect(
      TensorFile tf, String sha256, Preprocessing override, List<String> notes) {
    if (override != null) {
      notes.add("preprocessing: " + override.cliName() + " as requested");
      return override;
    }
    String declared = tf.metadata().get("preprocessing");
    if (declared != null) {
      try {
        return Preprocessing.parse(declared);
      } catch (IllegalArgumentException e) {
        throw new NstException(
            "weights file "
                + tf.path()
                + " declares preprocessing '"
                + declared
                + "'; expected caffe or torchvision");
      }
    }
    if (tf.format() == WeightFormat.KERAS_H5) {
      return Preprocessing.CAFFE;
    }
    Preprocessing byHash = KNOWN_PREFIXES.get(sha256.substring(0, 8));
    if (byHash != null) {
      notes.add(
          "preprocessing: "
              + byHash.cliName()
              + " (SHA-256 prefix "
              + sha256.substring(0, 8)
              + " of a published file)");
      return byHash;
    }
    String names =
        (tf.path().getFileName() + " " + tf.metadata().getOrDefault("archive_name", ""))
            .toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Preprocessing> e : KNOWN_PREFIXES.entrySet()) {
      if (names.contains(e.getKey())) {
        notes.add(
            "preprocessing: "
                + e.getValue().cliName()
                + " (the name contains "
                + e.getKey()
                + ", the hash prefix of a published file)");
        return e.getValue();
      }
    }
    if (tf.tensors().containsKey("classifier.1.weight")
        || tf.tensors().containsKey("classifier.4.weight")) {
      notes.add("preprocessing: caffe (Caffe-converted key set classifier.1/.4)");
      return Preprocessing.CAFFE;
    }
    notes.add(
        "preprocessing: assumed torchvision (the file does not say; pass a convention"
            + " override if these are Caffe weights)");
    return Preprocessing.TORCHVISION;
  }
}

package dev.neuralstyle.weights;

import dev.neuralstyle.features.Preprocessing;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells the paper's normalised VGG (Gatys et al. 2015, §2: "scaling the weights such that the mean
 * activation of each convolutional filter over images and positions is equal to one"; distributed
 * as {@code vgg_normalised.caffemodel}) from the original one, by its {@link ActivationScale} and
 * by its name, and says which in the file's {@code network} fact (shown by {@code weights info},
 * recorded in run.json). The scale decides when it can be measured: a file named normalised whose
 * responses are those of the original network is reported as un-normalised, with a note.
 */
final class NormalisedNetwork {
  /** The metadata key of the verdict. */
  static final String KEY = "network";

  /** The prefix of the verdict for a normalised network ({@link VggWeights#isNormalised}). */
  static final String NORMALISED = "normalised VGG of Gatys et al. (2015)";

  /** Every probed median within [1/LIMIT, LIMIT] of 1 means normalised. */
  private static final double NORMALISED_LIMIT = 4;

  /** Any probed median above this means un-normalised (the original VGG's are 15 and more). */
  private static final double PLAIN_ABOVE = 8;

  private NormalisedNetwork() {}

  /**
   * Writes the verdict for {@code convs} into {@code metadata} (replacing a reader's name-based
   * one) and adds a note when the name and the scale disagree.
   */
  static void decide(
      Path file,
      Map<String, ConvWeights> convs,
      Preprocessing convention,
      Map<String, String> metadata,
      List<String> notes) {
    String byReader = metadata.remove(KEY);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean named = byReader != null || name.contains("normalised") || name.contains("normalized");
    if (convention != Preprocessing.CAFFE || !convs.containsKey("conv1_1")) {
      if (named) {
        metadata.put(
            KEY,
            NORMALISED
                + ", by its name (the activation scale is measured only on Caffe-convention files"
                + " with conv1_1): the paper's alpha/beta apply unchanged (do not normalise it"
                + " again)");
      }
      return;
    }
    Map<String, Double> medians = ActivationScale.medians(convs);
    String scale =
        "median mean response "
            + medians.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%.3g (%s)", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "))
            + " on the probe image";
    boolean normalised =
        medians.values().stream().allMatch(m -> m >= 1 / NORMALISED_LIMIT && m <= NORMALISED_LIMIT);
    boolean plain = medians.values().stream().anyMatch(m -> m > PLAIN_ABOVE);
    if (normalised) {
      metadata.put(
          KEY,
          NORMALISED
              + ": "
              + scale
              + ", about 1 as the paper's normalisation makes it (the original VGG's are 15 and"
              + " more)"
              + (named ? "; its name says so too" : "")
              + ": the paper's alpha/beta apply unchanged (do not normalise it again)");
    } else if (plain) {
      metadata.put(
          KEY, "un-normalised VGG: " + scale + " (the paper's normalised network's are about 1)");
      if (named) {
        notes.add(
            "network: the name says normalised, but the activation scale is the un-normalised"
                + " VGG's ("
                + scale
                + "); treated as un-normalised");
      }
    } else {
      metadata.put(
          KEY,
          (named ? NORMALISED + ", by its name; " : "")
              + "activation scale inconclusive: "
              + scale
              + " (normalised about 1, the original VGG 15 and more)");
    }
  }
}

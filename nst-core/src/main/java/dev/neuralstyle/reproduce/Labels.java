package dev.neuralstyle.reproduce;

import java.util.List;
import java.util.Locale;

/** Text of grid labels and tile file names. */
final class Labels {
  private Labels() {}

  /** A ratio as the paper writes it: {@code 1e-3}, {@code 5e-4}, {@code 2.5e-4}. */
  static String ratio(double value) {
    if (value == 0) {
      return "0";
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
    double mantissa = value / Math.pow(10, exponent);
    if (Math.abs(mantissa) >= 9.9995) {
      mantissa /= 10;
      exponent++;
    }
    String m = String.format(Locale.ROOT, "%.3f", mantissa).replaceAll("\\.?0+$", "");
    return m + "e" + exponent;
  }

  /** A set of our layers in the paper's names: {@code conv1_1} or {@code conv1_1 … conv3_1}. */
  static String layerSet(List<String> layers) {
    String first = PaperLayers.paperName(layers.get(0));
    if (layers.size() == 1) {
      return first;
    }
    String last = PaperLayers.paperName(layers.get(layers.size() - 1));
    return layers.size() == 2 ? first + ", " + last : first + " … " + last;
  }

  /** A file-safe name for a set of layers: {@code conv1_1-conv3_1}. */
  static String layerSetFileName(List<String> layers) {
    String first = PaperLayers.paperName(layers.get(0));
    return layers.size() == 1
        ? first
        : first + "-" + PaperLayers.paperName(layers.get(layers.size() - 1));
  }

  /** The file's name without directory and extension, lower case. */
  static String baseName(java.nio.file.Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
  }

  /** The non-null parts joined by {@code "; "}, or null if there are none. */
  static String join(String... parts) {
    List<String> kept = java.util.Arrays.stream(parts).filter(p -> p != null).toList();
    return kept.isEmpty() ? null : String.join("; ", kept);
  }

  /** What every tile of a figure shares, for its footnote. */
  static String settings(FigureSettings s) {
    return s.model().cliName()
        + ", "
        + s.pooling().cliName()
        + " pooling, "
        + s.iterations()
        + " L-BFGS evaluations, seed "
        + s.seed();
  }

  /** "content conv4_2", or "content conv3_2 (the paper's conv4_2 is past the weights)". */
  static String contentLayerNote(String contentLayer) {
    String name = PaperLayers.paperName(contentLayer);
    return PaperLayers.CONTENT.equals(contentLayer)
        ? "content " + name
        : "content " + name + " (the paper's conv4_2 is past the weights)";
  }

  /**
   * "normalised VGG" for {@link NormalizedWeights} and for a file that is the paper's normalised
   * network ({@link dev.neuralstyle.weights.VggWeights#isNormalised}), else "un-normalised VGG".
   */
  static String weightsNote(dev.neuralstyle.features.ConvParameters weights) {
    boolean normalised =
        weights instanceof NormalizedWeights
            || (weights instanceof dev.neuralstyle.weights.VggWeights w && w.isNormalised());
    return normalised ? "normalised VGG" : "un-normalised VGG";
  }
}

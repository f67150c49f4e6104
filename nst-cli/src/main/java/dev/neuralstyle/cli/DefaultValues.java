package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code transfer}'s options, read from a fresh {@link
 * StyleTransferRequest#builder()} (which holds the library's {@code Defaults}) so that no default
 * is written twice; picocli shows them in {@code --help}. The few settings that exist only on the
 * command line have their defaults here.
 */
final class DefaultValues implements IDefaultValueProvider {
  /** Default {@code --output}, as in jcjohnson/neural-style. */
  static final String OUTPUT = "out.png";

  /** Default {@code --gif-frames}: frames of the progress GIF besides the final image. */
  static final int GIF_FRAMES = 40;

  /** Default {@code --save-every}: no snapshot files. */
  static final int SAVE_EVERY = 0;

  private final Map<String, String> values = new HashMap<>();

  DefaultValues() {
    StyleTransferRequestBuilder d = StyleTransferRequest.builder();
    values.put("--model", d.model().cliName());
    values.put("--pooling", d.pooling().cliName());
    values.put("--precision", d.precision().cliName());
    values.put("--size", String.valueOf(d.size()));
    values.put("--style-scale", String.valueOf(d.styleScale()));
    values.put("--style-size", String.valueOf(d.styleSize()));
    values.put("--content-layers", String.join(",", d.contentLayers()));
    values.put("--style-layers", String.join(",", d.styleLayers()));
    values.put("--content-weight", String.valueOf(d.contentWeight()));
    values.put("--style-weight", String.valueOf(d.styleWeight()));
    values.put("--tv-weight", String.valueOf(d.tvWeight()));
    values.put("--loss-form", Converters.cliName(d.lossForm()));
    values.put("--tv-form", Converters.cliName(d.tvForm()));
    values.put("--adaptive-weights", String.valueOf(d.adaptiveWeights()));
    values.put("--seamless", String.valueOf(d.seamless()));
    values.put("--tile", String.valueOf(d.tile()));
    values.put("--optimizer", d.optimizer().cliName());
    values.put("--iterations", String.valueOf(d.iterations()));
    values.put("--learning-rate", String.valueOf(d.learningRate()));
    values.put("--lbfgs-history", String.valueOf(d.lbfgsHistory()));
    values.put("--tolerance", String.valueOf(d.tolerance()));
    values.put("--init", d.init().describe());
    values.put("--seed", String.valueOf(d.seed()));
    values.put("--device", d.device().describe());
    values.put("--max-pixels", String.valueOf(d.maxPixels()));
    values.put("--preserve-colors", d.colorPreservation().cliName());
    values.put("--output", OUTPUT);
    values.put("--gif-frames", String.valueOf(GIF_FRAMES));
    values.put("--save-every", String.valueOf(SAVE_EVERY));
    putIfNotEmpty("--style-blend", d.styleBlend());
    putIfNotEmpty("--style-layer-weights", d.styleLayerWeights());
    putIfNotEmpty("--scales", d.scales());
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      return values.get(option.longestName());
    }
    return null;
  }

  /** Option name to default value, for tests. */
  Map<String, String> all() {
    return Map.copyOf(values);
  }

  private void putIfNotEmpty(String option, List<?> list) {
    if (!list.isEmpty()) {
      values.put(option, String.join(",", list.stream().map(String::valueOf).toList()));
    }
  }
}

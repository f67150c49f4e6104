package dev.neuralstyle.web;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The typed option fields of the job form, named like the CLI's long options without dashes ({@code
 * content-weight}; {@code contentWeight} is accepted too). Each field parses its text and sets it
 * on a request builder; a value that does not parse fails with a {@link FormException} naming the
 * field. {@code preset} is handled by {@link JobForm}; image files and weights are never fields.
 */
final class FormFields {
  private static final Map<String, BiConsumer<StyleTransferRequestBuilder, String>> SETTERS =
      new LinkedHashMap<>();

  static {
    field("model", VggModel::parse, StyleTransferRequestBuilder::model);
    field("pooling", PoolingMode::parse, StyleTransferRequestBuilder::pooling);
    field("precision", Precision::parse, StyleTransferRequestBuilder::precision);
    field("size", FormFields::integer, StyleTransferRequestBuilder::size);
    field("style-scale", Double::parseDouble, StyleTransferRequestBuilder::styleScale);
    field("style-size", FormFields::integer, StyleTransferRequestBuilder::styleSize);
    field("style-blend", FormFields::doubles, StyleTransferRequestBuilder::styleBlend);
    field("content-layers", FormFields::words, StyleTransferRequestBuilder::contentLayers);
    field("style-layers", FormFields::words, StyleTransferRequestBuilder::styleLayers);
    field(
        "style-layer-weights", FormFields::doubles, StyleTransferRequestBuilder::styleLayerWeights);
    field("content-weight", Double::parseDouble, StyleTransferRequestBuilder::contentWeight);
    field("style-weight", Double::parseDouble, StyleTransferRequestBuilder::styleWeight);
    field("tv-weight", Double::parseDouble, StyleTransferRequestBuilder::tvWeight);
    field("loss-form", t -> LossForm.valueOf(upper(t)), StyleTransferRequestBuilder::lossForm);
    field("tv-form", t -> TvForm.valueOf(upper(t)), StyleTransferRequestBuilder::tvForm);
    field("adaptive-weights", FormFields::bool, StyleTransferRequestBuilder::adaptiveWeights);
    field("seamless", FormFields::bool, StyleTransferRequestBuilder::seamless);
    field("tile", FormFields::integer, StyleTransferRequestBuilder::tile);
    field("optimizer", OptimizerKind::parse, StyleTransferRequestBuilder::optimizer);
    field("iterations", FormFields::integer, StyleTransferRequestBuilder::iterations);
    field("learning-rate", Double::parseDouble, StyleTransferRequestBuilder::learningRate);
    field("lbfgs-history", FormFields::integer, StyleTransferRequestBuilder::lbfgsHistory);
    field("tolerance", Double::parseDouble, StyleTransferRequestBuilder::tolerance);
    field("seed", Long::parseLong, StyleTransferRequestBuilder::seed);
    field("init", FormFields::init, StyleTransferRequestBuilder::init);
    field(
        "preserve-colors",
        ColorPreservation::parse,
        StyleTransferRequestBuilder::colorPreservation);
    field("scales", FormFields::integers, StyleTransferRequestBuilder::scales);
    field("device", DeviceSpec::parse, StyleTransferRequestBuilder::device);
  }

  private FormFields() {}

  /** Every option field name (without {@code preset}). */
  static List<String> names() {
    return List.copyOf(SETTERS.keySet());
  }

  /** {@code contentWeight} or {@code content_weight} → {@code content-weight}; others unchanged. */
  static String canonical(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.trim().toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('-').append(Character.toLowerCase(c));
      } else {
        b.append(c == '_' ? '-' : c);
      }
    }
    return b.toString();
  }

  /** Whether {@code canonicalName} is an option field. */
  static boolean isField(String canonicalName) {
    return SETTERS.containsKey(canonicalName);
  }

  /**
   * Sets field {@code name} from {@code text} on {@code builder}.
   *
   * @throws FormException naming the field if the text does not parse
   */
  static void apply(StyleTransferRequestBuilder builder, String name, String text) {
    try {
      SETTERS.get(name).accept(builder, text);
    } catch (FormException e) {
      throw e;
    } catch (NumberFormatException e) {
      throw new FormException(name, "not a number, found '" + text.trim() + "'");
    } catch (NstException | IllegalArgumentException e) {
      String why = CoreMessages.errors(e.getMessage(), name).get(0).message();
      throw new FormException(
          name, why.contains(text.trim()) ? why : why + ", found '" + text + "'");
    }
  }

  private static <T> void field(
      String name, Function<String, T> parse, BiConsumer<StyleTransferRequestBuilder, T> set) {
    SETTERS.put(name, (b, text) -> set.accept(b, parse.apply(text.trim())));
  }

  private static int integer(String t) {
    return Integer.parseInt(t);
  }

  private static boolean bool(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  private static String upper(String t) {
    return t.toUpperCase(Locale.ROOT);
  }

  private static List<String> words(String t) {
    return Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Double> doubles(String t) {
    List<Double> list = new ArrayList<>();
    for (String w : words(t)) {
      list.add(Double.parseDouble(w));
    }
    return list;
  }

  private static List<Integer> integers(String t) {
    List<Integer> list = new ArrayList<>();
    for (String w : words(t)) {
      list.add(Integer.parseInt(w));
    }
    return list;
  }

  /** Only the built-in starts: a client can never make the server read a file. */
  private static InitSpec init(String t) {
    InitSpec spec = InitSpec.parse(t);
    if (spec.mode() == InitMode.FILE) {
      throw new IllegalArgumentException("expected noise, content, style, gray or blend[:RATIO]");
    }
    return spec;
  }
}

package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The transfer settings a jobs file may set per job, named like {@code neural-style transfer}'s
 * long options without dashes ({@code style-weight}; {@code styleWeight} and {@code style_weight}
 * are accepted too). Each parses its text and sets it on a request builder; file settings ({@code
 * init} FILE, {@code content-mask}, {@code style-mask}) are resolved like the jobs' images.
 */
public final class JobSettings {
  private static final Map<String, Setter> SETTERS = new LinkedHashMap<>();

  static {
    field("model", VggModel::parse, StyleTransferRequestBuilder::model);
    field("pooling", PoolingMode::parse, StyleTransferRequestBuilder::pooling);
    field("precision", Precision::parse, StyleTransferRequestBuilder::precision);
    field("preprocessing", Preprocessing::parse, StyleTransferRequestBuilder::preprocessing);
    field("size", Integer::parseInt, StyleTransferRequestBuilder::size);
    field("style-scale", Double::parseDouble, StyleTransferRequestBuilder::styleScale);
    field("style-size", Integer::parseInt, StyleTransferRequestBuilder::styleSize);
    field("content-layers", JobSettings::words, StyleTransferRequestBuilder::contentLayers);
    field("style-layers", JobSettings::words, StyleTransferRequestBuilder::styleLayers);
    field(
        "style-layer-weights",
        JobSettings::doubles,
        StyleTransferRequestBuilder::styleLayerWeights);
    field("content-weight", Double::parseDouble, StyleTransferRequestBuilder::contentWeight);
    field("style-weight", Double::parseDouble, StyleTransferRequestBuilder::styleWeight);
    field("tv-weight", Double::parseDouble, StyleTransferRequestBuilder::tvWeight);
    field("loss-form", t -> LossForm.valueOf(upper(t)), StyleTransferRequestBuilder::lossForm);
    field("tv-form", t -> TvForm.valueOf(upper(t)), StyleTransferRequestBuilder::tvForm);
    field("adaptive-weights", JobSettings::bool, StyleTransferRequestBuilder::adaptiveWeights);
    field("optimizer", OptimizerKind::parse, StyleTransferRequestBuilder::optimizer);
    field("iterations", Integer::parseInt, StyleTransferRequestBuilder::iterations);
    field("learning-rate", Double::parseDouble, StyleTransferRequestBuilder::learningRate);
    field("lbfgs-history", Integer::parseInt, StyleTransferRequestBuilder::lbfgsHistory);
    field("tolerance", Double::parseDouble, StyleTransferRequestBuilder::tolerance);
    field("seed", Long::parseLong, StyleTransferRequestBuilder::seed);
    field("max-pixels", Long::parseLong, StyleTransferRequestBuilder::maxPixels);
    field(
        "preserve-colors",
        ColorPreservation::parse,
        StyleTransferRequestBuilder::colorPreservation);
    field("scales", JobSettings::integers, StyleTransferRequestBuilder::scales);
    field("device", DeviceSpec::parse, StyleTransferRequestBuilder::device);
    SETTERS.put("init", (b, t, files) -> b.init(InitSpec.parse(fileOrMode(t, files))));
    SETTERS.put("content-mask", (b, t, files) -> b.contentMask(files.apply(t)));
    SETTERS.put("style-mask", (b, t, files) -> b.styleMasks(words(t).stream().map(files).toList()));
  }

  private JobSettings() {}

  /** Every setting's name. */
  public static List<String> names() {
    return List.copyOf(SETTERS.keySet());
  }

  /** {@code styleWeight} or {@code style_weight} → {@code style-weight}; others unchanged. */
  public static String canonical(String name) {
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

  /** Whether {@code canonicalName} is a setting. */
  public static boolean isSetting(String canonicalName) {
    return SETTERS.containsKey(canonicalName);
  }

  /**
   * Sets {@code name} from {@code text} on {@code builder}.
   *
   * @param files turns a file setting's text into a path
   * @throws NstException naming the setting and the value when the text does not parse
   */
  public static void apply(
      StyleTransferRequestBuilder builder, String name, String text, Function<String, Path> files) {
    Setter setter = SETTERS.get(name);
    if (setter == null) {
      throw new NstException("unknown setting '" + name + "'");
    }
    try {
      setter.set(builder, text.trim(), files);
    } catch (NstException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
      throw new NstException("invalid value for setting " + name + ": '" + text + "': " + why, e);
    }
  }

  private interface Setter {
    void set(StyleTransferRequestBuilder b, String text, Function<String, Path> files);
  }

  private static <T> void field(
      String name, Function<String, T> parse, BiConsumer<StyleTransferRequestBuilder, T> set) {
    SETTERS.put(name, (b, text, files) -> set.accept(b, parse.apply(text)));
  }

  private static String fileOrMode(String text, Function<String, Path> files) {
    InitSpec spec = InitSpec.parse(text);
    return spec.file() == null ? text : files.apply(text).toString();
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
}

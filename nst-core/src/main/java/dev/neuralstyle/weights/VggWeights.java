package dev.neuralstyle.weights;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The convolution weights of a VGG network as loaded from one file, with where they came from: the
 * model, the input convention they were trained with, the file's format, path and SHA-256, and its
 * string metadata. A file may hold only some layers; {@link #requireLayers} checks that a run's
 * layers are all there. Immutable.
 */
public final class VggWeights implements ConvParameters {
  private final VggModel model;
  private final Preprocessing preprocessing;
  private final WeightFormat format;
  private final Path source;
  private final String sha256;
  private final Map<String, String> metadata;
  private final Map<String, ConvWeights> convs;
  private final List<String> notes;

  VggWeights(
      VggModel model,
      Preprocessing preprocessing,
      WeightFormat format,
      Path source,
      String sha256,
      Map<String, String> metadata,
      List<ConvWeights> convs,
      List<String> notes) {
    this.model = Objects.requireNonNull(model);
    this.preprocessing = Objects.requireNonNull(preprocessing);
    this.format = Objects.requireNonNull(format);
    this.source = Objects.requireNonNull(source);
    this.sha256 = Objects.requireNonNull(sha256);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    Map<String, ConvWeights> byName = new LinkedHashMap<>();
    for (String name : model.convNames()) {
      for (ConvWeights c : convs) {
        if (c.layer().equals(name)) {
          byName.put(name, c);
        }
      }
    }
    this.convs = Collections.unmodifiableMap(byName);
    this.notes = List.copyOf(notes);
  }

  /** The network these weights belong to. */
  public VggModel model() {
    return model;
  }

  /** The input convention the weights expect. */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** The container format of the source file. */
  public WeightFormat format() {
    return format;
  }

  /** The file the weights were read from. */
  public Path source() {
    return source;
  }

  /** SHA-256 of the whole source file, 64 lower-case hex digits. */
  public String sha256() {
    return sha256;
  }

  /**
   * The file's string metadata (safetensors {@code __metadata__}, container facts); unmodifiable.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Whether these are the paper's normalised network (every filter's mean response about 1; see the
   * {@code network} metadata for the evidence), whose alpha/beta apply unchanged.
   */
  public boolean isNormalised() {
    return metadata
        .getOrDefault(NormalisedNetwork.KEY, "")
        .startsWith(NormalisedNetwork.NORMALISED);
  }

  /** How the model and convention were decided, e.g. that a default was assumed; unmodifiable. */
  public List<String> notes() {
    return notes;
  }

  /** The convolution layers present, in forward order ({@code conv1_1, conv1_2, ...}). */
  public List<String> layerNames() {
    return List.copyOf(convs.keySet());
  }

  /** Whether the file holds convolution {@code layer}. */
  @Override
  public boolean has(String layer) {
    return convs.containsKey(layer);
  }

  /**
   * The weights of convolution {@code layer}.
   *
   * @throws NstException if the file does not hold that layer
   */
  public ConvWeights conv(String layer) {
    ConvWeights c = convs.get(layer);
    if (c == null) {
      throw missing(layer, null);
    }
    return c;
  }

  /** The OIHW weight of {@code conv} (a copy). */
  @Override
  public float[] weight(String conv) {
    return conv(conv).weight();
  }

  /** The bias of {@code conv} (a copy). */
  @Override
  public float[] bias(String conv) {
    return conv(conv).bias();
  }

  /** Number of tensors loaded: a weight and a bias per convolution. */
  public int tensorCount() {
    return 2 * convs.size();
  }

  /** Number of float parameters over all loaded convolutions. */
  public long parameterCount() {
    return convs.values().stream().mapToLong(ConvWeights::parameterCount).sum();
  }

  /**
   * Checks that every layer a run uses can be computed: a {@code conv}, {@code relu} or {@code
   * pool} layer needs all convolutions up to it.
   *
   * @throws NstException naming the first missing convolution and the layers the file holds
   */
  public void requireLayers(Collection<String> layerNames) {
    for (String layer : layerNames) {
      int index = model.indexOf(layer);
      if (index < 0) {
        throw new NstException(
            "unknown layer "
                + layer
                + " for "
                + model.cliName()
                + "; layers are conv1_1, relu1_1, ..., pool5 (see "
                + model.cliName()
                + " layers)");
      }
      for (String name : model.layerNames().subList(0, index + 1)) {
        if (name.startsWith("conv") && !convs.containsKey(name)) {
          throw missing(name, name.equals(layer) ? null : layer);
        }
      }
    }
  }

  private NstException missing(String conv, String neededBy) {
    String full = model == VggModel.VGG19 ? "VGG-19" : "VGG-16";
    return new NstException(
        "weights file "
            + source
            + " has no "
            + conv
            + (neededBy == null ? "" : " (needed for " + neededBy + ")")
            + " (it holds "
            + holds()
            + "); use a full "
            + full
            + " file");
  }

  private String holds() {
    List<String> names = new ArrayList<>(convs.keySet());
    if (names.isEmpty()) {
      return "no convolutions";
    }
    if (names.size() > 2 && names.equals(model.convNames().subList(0, names.size()))) {
      return names.get(0) + " … " + names.get(names.size() - 1);
    }
    return String.join(", ", names);
  }

  @Override
  public String toString() {
    return model.cliName()
        + " weights from "
        + source
        + " ("
        + format
        + ", "
        + preprocessing.cliName()
        + ", "
        + convs.size()
        + " conv layers)";
  }
}

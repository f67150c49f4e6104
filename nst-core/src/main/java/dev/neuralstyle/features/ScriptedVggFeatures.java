package dev.neuralstyle.features;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.neuralstyle.NstException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.TreeSet;

/**
 * VGG features computed in reduced precision ({@link Precision#BF16} or {@link Precision#FP16}) by
 * a TorchScript module that this class generates ({@link ScriptedVggSource}), packs ({@link
 * TorchScriptArchive}) and loads through DJL.
 *
 * <p>Why a scripted module: DJL cannot hold a bfloat16 NDArray (converting to it aborts the JVM,
 * see ENGINE-NOTES), but tensors inside a TorchScript graph can be of any type. The module converts
 * the float32 image and parameters on entry and its outputs back to float32 on exit, so everything
 * Java sees, including the losses and their sums, stays float32. One module is compiled per
 * distinct set of requested layers (typically three: content targets, style targets, and both
 * together for the objective) and kept until {@link #close()}.
 */
public final class ScriptedVggFeatures implements FeatureNetwork {
  private final VggModel model;
  private final PoolingMode pooling;
  private final Precision precision;
  private final NDManager manager;
  private final List<NDArray> parameters;
  private final String deepestBuilt;
  private final Map<Set<String>, Loaded> modules = new HashMap<>();

  private record Loaded(Model model, Block block, List<String> layers, int paramCount) {}

  private ScriptedVggFeatures(
      VggModel model,
      PoolingMode pooling,
      Precision precision,
      NDManager manager,
      List<NDArray> parameters,
      String deepestBuilt) {
    this.model = model;
    this.pooling = pooling;
    this.precision = precision;
    this.manager = manager;
    this.parameters = parameters;
    this.deepestBuilt = deepestBuilt;
  }

  /**
   * Copies the parameters needed up to {@code deepestLayer} into float32 arrays owned by a new
   * sub-manager of {@code parent}; modules are compiled on first use.
   *
   * @throws NstException if {@code params} lacks a convolution the layer needs
   */
  public static ScriptedVggFeatures create(
      NDManager parent,
      VggModel model,
      PoolingMode pooling,
      Precision precision,
      ConvParameters params,
      String deepestLayer) {
    VggLayers.requireKnown(model, List.of(deepestLayer));
    NDManager manager = parent.newSubManager();
    try {
      List<NDArray> parameters = new ArrayList<>();
      for (NDArray[] weightAndBias :
          ConvArrays.copy(manager, model, params, deepestLayer).values()) {
        parameters.add(weightAndBias[0]);
        parameters.add(weightAndBias[1]);
      }
      return new ScriptedVggFeatures(model, pooling, precision, manager, parameters, deepestLayer);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public VggModel model() {
    return model;
  }

  @Override
  public PoolingMode pooling() {
    return pooling;
  }

  @Override
  public String deepestLayer() {
    return deepestBuilt;
  }

  /** The reduced format the convolutions run in. */
  public Precision precision() {
    return precision;
  }

  @Override
  public Map<String, NDArray> extract(NDArray image, Collection<String> layers) {
    VggLayers.requireKnown(model, layers);
    if (model.indexOf(VggLayers.deepest(model, layers)) > model.indexOf(deepestBuilt)) {
      throw new IllegalArgumentException(
          "layer "
              + VggLayers.deepest(model, layers)
              + " is past the deepest built layer "
              + deepestBuilt);
    }
    Set<String> key = new TreeSet<>(Comparator.comparingInt(model::indexOf));
    key.addAll(layers);
    Loaded loaded = modules.computeIfAbsent(key, this::load);
    NDList inputs = new NDList(1 + loaded.paramCount());
    inputs.add(image);
    inputs.addAll(parameters.subList(0, loaded.paramCount()));
    NDList outputs =
        loaded.block().forward(new ParameterStore(image.getManager(), false), inputs, true);
    Map<String, NDArray> found = new LinkedHashMap<>();
    for (int i = 0; i < loaded.layers().size(); i++) {
      found.put(loaded.layers().get(i), outputs.get(i));
    }
    return found;
  }

  private Loaded load(Set<String> layers) {
    List<String> ordered = List.copyOf(layers);
    String deepest = ordered.get(ordered.size() - 1);
    int paramCount = 2 * VggLayers.convsNeededFor(model, deepest).size();
    String source = ScriptedVggSource.of(model, pooling, precision, ordered);
    Path dir = null;
    Model loaded = Model.newInstance("vgg-" + precision.cliName(), manager.getDevice(), "PyTorch");
    try {
      dir = Files.createTempDirectory("nst-scripted-vgg");
      TorchScriptArchive.write(dir.resolve("vgg.pt"), ScriptedVggSource.CLASS_NAME, source);
      // trainParam keeps autograd on inside the module; it has no parameters to train.
      loaded.load(dir, "vgg", Map.of("trainParam", "true"));
      return new Loaded(loaded, loaded.getBlock(), ordered, paramCount);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      loaded.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(
            "cannot write the scripted VGG module: " + io.getMessage(), io);
      }
      throw new NstException(
          "libtorch refused the generated "
              + precision.cliName()
              + " VGG module: "
              + e.getMessage());
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A left-over file in the temporary folder is harmless.
    }
  }

  @Override
  public void close() {
    for (Entry<Set<String>, Loaded> e : modules.entrySet()) {
      e.getValue().model().close();
    }
    modules.clear();
    manager.close();
  }
}

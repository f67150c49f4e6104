package dev.neuralstyle.transfer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.FeatureNetworks;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.VggModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a {@link StyleTransfer} may keep from one run to the next, for many runs in one process
 * (batches): the VGG feature stacks built from the weights, and the per-position Gram matrices of
 * style images. {@link #none()} keeps nothing (every run builds its own, as a single transfer
 * does).
 *
 * <p>Style Gram matrices are keyed by the style image's pixels (after resizing and colour control),
 * its size, the layer and the network (model, pooling, precision, input convention, device), so a
 * hit is always the matrix the run would have computed. They are kept as Java floats, at most
 * {@code maxStyleFloats} of them, least recently used first out; each run makes its own arrays from
 * them. Not thread-safe, like the transfer that uses it.
 */
public final class TransferCaches implements AutoCloseable {
  private static final TransferCaches NONE = new TransferCaches(false, 0);

  private final boolean enabled;
  private final long maxStyleFloats;
  private final Map<String, NDManager> deviceManagers = new HashMap<>();
  private final Map<String, FeatureNetwork> networks = new HashMap<>();
  private final LinkedHashMap<String, StoredGram> grams = new LinkedHashMap<>(16, 0.75f, true);
  private long storedFloats;
  private int styleImagesComputed;
  private int styleImagesReused;
  private int networksBuilt;

  private TransferCaches(boolean enabled, long maxStyleFloats) {
    this.enabled = enabled;
    this.maxStyleFloats = maxStyleFloats;
  }

  /** Keeps nothing between runs. */
  public static TransferCaches none() {
    return NONE;
  }

  /**
   * Keeps feature stacks and style Gram matrices.
   *
   * @param maxStyleFloats how many floats of Gram matrices to keep at most (4 bytes each)
   */
  public static TransferCaches create(long maxStyleFloats) {
    return new TransferCaches(true, maxStyleFloats);
  }

  /** How many style images went through the network for their Gram matrices. */
  public int styleImagesComputed() {
    return styleImagesComputed;
  }

  /** How many style images' Gram matrices came from this cache instead. */
  public int styleImagesReused() {
    return styleImagesReused;
  }

  /** How many feature stacks were built from the weights. */
  public int networksBuilt() {
    return networksBuilt;
  }

  /**
   * The feature stack for a run: a new one owned by {@code run} without caching, else the kept one
   * for these settings (built on first use) behind a view whose {@code close()} does nothing.
   */
  FeatureNetwork network(
      NDManager run,
      VggModel model,
      PoolingMode pooling,
      Precision precision,
      ConvParameters weights,
      String deepest) {
    if (!enabled) {
      networksBuilt++;
      return FeatureNetworks.create(run, model, pooling, precision, weights, deepest);
    }
    Device device = run.getDevice();
    String key = device + "|" + model + "|" + pooling + "|" + precision + "|" + deepest;
    FeatureNetwork kept = networks.get(key);
    if (kept == null) {
      NDManager owner =
          deviceManagers.computeIfAbsent(device.toString(), d -> NDManager.newBaseManager(device));
      kept = FeatureNetworks.create(owner, model, pooling, precision, weights, deepest);
      networks.put(key, kept);
      networksBuilt++;
    }
    return new SharedNetwork(kept);
  }

  /**
   * The per-position Gram matrices of one style image at {@code layers}, as arrays of {@code
   * scratch}: from the cache when all are kept under {@code key}, else from {@code compute}, whose
   * result is kept.
   */
  Map<String, NDArray> styleGrams(
      NDManager scratch,
      String key,
      Collection<String> layers,
      Supplier<Map<String, NDArray>> compute) {
    if (enabled) {
      Map<String, NDArray> hit = new LinkedHashMap<>();
      for (String layer : layers) {
        StoredGram g = grams.get(key + "|" + layer);
        if (g == null) {
          hit = null;
          break;
        }
        hit.put(layer, scratch.create(g.values(), g.shape()));
      }
      if (hit != null) {
        styleImagesReused++;
        return hit;
      }
    }
    styleImagesComputed++;
    Map<String, NDArray> computed = compute.get();
    if (enabled) {
      computed.forEach(
          (layer, gram) -> store(key + "|" + layer, gram.toFloatArray(), gram.getShape()));
    }
    return computed;
  }

  private void store(String key, float[] values, Shape shape) {
    if (values.length > maxStyleFloats) {
      return;
    }
    StoredGram old = grams.put(key, new StoredGram(values, shape));
    storedFloats += values.length - (old == null ? 0 : old.values().length);
    var it = grams.entrySet().iterator();
    while (storedFloats > maxStyleFloats && it.hasNext()) {
      storedFloats -= it.next().getValue().values().length;
      it.remove();
    }
  }

  /** Releases the kept feature stacks and forgets the Gram matrices. */
  @Override
  public void close() {
    networks.values().forEach(FeatureNetwork::close);
    networks.clear();
    deviceManagers.values().forEach(NDManager::close);
    deviceManagers.clear();
    grams.clear();
    storedFloats = 0;
  }

  private record StoredGram(float[] values, Shape shape) {}

  /** A kept network lent to one run: closing the view leaves the network open. */
  private record SharedNetwork(FeatureNetwork kept) implements FeatureNetwork {
    @Override
    public VggModel model() {
      return kept.model();
    }

    @Override
    public PoolingMode pooling() {
      return kept.pooling();
    }

    @Override
    public String deepestLayer() {
      return kept.deepestLayer();
    }

    @Override
    public Map<String, NDArray> extract(NDArray image, Collection<String> layers) {
      return kept.extract(image, layers);
    }

    @Override
    public void close() {
      // lent, not owned: TransferCaches.close() releases it
    }
  }
}

package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads PyTorch {@code .pth} state dicts in any of the three containers (zip, legacy stream, tar)
 * through {@link RestrictedUnpickler}, so no class named in the file is ever instantiated. Tensor
 * values stay on disk until the loader asks for them.
 */
public final class TorchPthReader {
  private TorchPthReader() {}

  /** Reads {@code file}, whose container {@code format} was detected from its first bytes. */
  public static TensorFile read(Path file, WeightFormat format) throws IOException {
    switch (format) {
      case TORCH_ZIP:
        return TorchZipContainer.read(file);
      case TORCH_LEGACY:
        return TorchLegacyContainer.read(file);
      case TORCH_TAR:
        return TorchTarContainer.read(file);
      default:
        throw new IllegalArgumentException("not a PyTorch format: " + format);
    }
  }

  /**
   * Adds every tensor of an unpickled state dict to {@code out}. Accepts the dict itself or a dict
   * holding it under {@code state_dict}; non-tensor values are ignored.
   */
  static void addStateDict(Path file, Object root, TensorFile out, TorchViews.StorageSource src) {
    if (!(root instanceof Map)) {
      throw new NstException(
          "weights file "
              + file
              + " holds a pickled "
              + RestrictedUnpickler.describe(root)
              + ", not a state dict");
    }
    Map<?, ?> dict = (Map<?, ?>) root;
    if (dict.get("state_dict") instanceof Map) {
      dict = (Map<?, ?>) dict.get("state_dict");
    }
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      if (!(e.getValue() instanceof Pickled.TensorRef)) {
        continue;
      }
      if (!(e.getKey() instanceof String)) {
        throw new NstException(
            "weights file " + file + " has a tensor under a non-string key " + e.getKey());
      }
      Pickled.TensorRef t = (Pickled.TensorRef) e.getValue();
      String name = (String) e.getKey();
      out.add(new RawTensor(name, t.storage().dtype(), t.size(), () -> TorchViews.load(t, src)));
    }
  }

  /**
   * Decodes a storage persistent id {@code ('storage', type, key, location, numel[, view])}.
   *
   * @param arity 5 for the zip container, 6 for the legacy stream
   * @return the fields as {type dtype, key, numel, view} where view is {@link Pickled#NONE} or a
   *     tuple
   */
  static Object[] storageId(Path file, Object pid, int arity) {
    if (!(pid instanceof Pickled.Tuple)
        || ((Pickled.Tuple) pid).size() != arity
        || !"storage".equals(((Pickled.Tuple) pid).get(0))) {
      throw new NstException(
          "weights file "
              + file
              + " has persistent id "
              + Pickled.show(pid)
              + ", expected a "
              + arity
              + "-tuple starting with 'storage'");
    }
    Pickled.Tuple t = (Pickled.Tuple) pid;
    DType dtype = null;
    if (t.get(1) instanceof Pickled.Global) {
      Pickled.Global g = (Pickled.Global) t.get(1);
      dtype = g.module().equals("torch") ? DType.fromTorchStorage(g.name()) : null;
    }
    if (dtype == null) {
      throw new NstException(
          "weights file "
              + file
              + " has storage type "
              + t.get(1)
              + "; expected torch.FloatStorage, HalfStorage, BFloat16Storage or DoubleStorage");
    }
    Object key = t.get(2);
    Object numel = t.get(4);
    if (!(key instanceof String || key instanceof Long)
        || !(numel instanceof Long)
        || (Long) numel < 0
        || (Long) numel > (1L << 56)) {
      throw new NstException(
          "weights file " + file + " has malformed storage id " + Pickled.show(pid));
    }
    return new Object[] {dtype, key.toString(), numel, arity == 6 ? t.get(5) : Pickled.NONE};
  }
}

package dev.neuralstyle.weights;

import java.util.List;

/**
 * The values {@link RestrictedUnpickler} produces besides strings, {@code Long}s, {@code
 * BigInteger}s, {@code Boolean}s, {@code ArrayList}s and {@code LinkedHashMap}s: tuples, the
 * symbolic stand-ins for allowed globals, Python's {@code None}, and the tensor references that
 * {@code torch._utils._rebuild_tensor*} calls turn into.
 */
final class Pickled {
  /** Python's {@code None}. */
  static final Object NONE =
      new Object() {
        @Override
        public String toString() {
          return "None";
        }
      };

  private Pickled() {}

  /** An immutable Python tuple. */
  record Tuple(List<Object> items) {
    Tuple {
      items = List.copyOf(items);
    }

    int size() {
      return items.size();
    }

    Object get(int i) {
      return items.get(i);
    }
  }

  /** An allowed {@code module name} global, kept as a symbol and never resolved to code. */
  record Global(String module, String name) {
    @Override
    public String toString() {
      return module + "." + name;
    }
  }

  /**
   * A storage named by a persistent id: the key of the stored record, element type, the number of
   * elements visible through this reference and where they start in the record ({@code base},
   * non-zero only for the storage views of old files).
   */
  record StorageRef(String key, DType dtype, long numel, long base) {}

  /** A tensor view of a storage: offset, sizes and strides in elements. */
  record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}
}

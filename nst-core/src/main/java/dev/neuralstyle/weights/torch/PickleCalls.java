package dev.neuralstyle.weights.torch;

import java.util.List;
import java.util.Map;

/**
 * What REDUCE and BUILD may do in {@link RestrictedUnpickler}: create an empty ordered dict,
 * rebuild a tensor reference with {@code _rebuild_tensor_v2} (6 or 7 arguments), {@code
 * _rebuild_tensor} (4 arguments) or {@code _rebuild_parameter}, and ignore the {@code _metadata}
 * state of a state dict. Every other call is refused.
 */
final class PickleCalls {
  private PickleCalls() {}

  static Object reduce(RestrictedUnpickler vm, Object callable, Object argsObject) {
    if (!(callable instanceof Pickled.Global) || !(argsObject instanceof Pickled.Tuple)) {
      throw vm.fail("calls a " + RestrictedUnpickler.describe(callable) + " (refused)");
    }
    Pickled.Global g = (Pickled.Global) callable;
    List<Object> args = ((Pickled.Tuple) argsObject).items();
    switch (g.toString()) {
      case "collections.OrderedDict":
        if (!args.isEmpty()) {
          throw vm.fail("calls OrderedDict with arguments (refused)");
        }
        return new Pickled.PyDict();
      case "torch._utils._rebuild_tensor_v2":
        if (args.size() != 6 && args.size() != 7) {
          throw vm.fail(
              "calls _rebuild_tensor_v2 with " + args.size() + " arguments, expected 6 or 7");
        }
        requireEmpty(vm, args.get(5), "backward hooks");
        if (args.size() == 7) {
          requireEmpty(vm, args.get(6), "tensor metadata");
        }
        return tensor(vm, args);
      case "torch._utils._rebuild_tensor":
        if (args.size() != 4) {
          throw vm.fail("calls _rebuild_tensor with " + args.size() + " arguments, expected 4");
        }
        return tensor(vm, args);
      case "torch._utils._rebuild_parameter":
        if (args.size() != 3 || !(args.get(0) instanceof Pickled.TensorRef)) {
          throw vm.fail("calls _rebuild_parameter with unexpected arguments");
        }
        requireEmpty(vm, args.get(2), "backward hooks");
        return args.get(0);
      default:
        throw vm.fail("calls " + g + " (refused; only tensors and dicts may be rebuilt)");
    }
  }

  static void build(RestrictedUnpickler vm, Object target, Object state) {
    if (target instanceof Map && (state instanceof Map || state instanceof Pickled.Tuple)) {
      return; // OrderedDict state such as _metadata: not needed for the weights
    }
    throw vm.fail("builds a " + RestrictedUnpickler.describe(target) + " (refused)");
  }

  private static void requireEmpty(RestrictedUnpickler vm, Object v, String what) {
    if (!(v instanceof Map) || !((Map<?, ?>) v).isEmpty()) {
      throw vm.fail("rebuilds a tensor with non-empty " + what + " (unsupported)");
    }
  }

  private static Pickled.TensorRef tensor(RestrictedUnpickler vm, List<Object> args) {
    if (!(args.get(0) instanceof Pickled.StorageRef)) {
      throw vm.fail(
          "rebuilds a tensor from a "
              + RestrictedUnpickler.describe(args.get(0))
              + " instead of a storage");
    }
    Pickled.StorageRef storage = (Pickled.StorageRef) args.get(0);
    long offset = toLong(vm, args.get(1));
    long[] size = longs(vm, args.get(2));
    long[] stride = longs(vm, args.get(3));
    return TorchViews.check(vm::fail, storage, offset, size, stride);
  }

  static long toLong(RestrictedUnpickler vm, Object v) {
    if (!(v instanceof Long)) {
      throw vm.fail("has " + RestrictedUnpickler.describe(v) + " where an integer was expected");
    }
    return (Long) v;
  }

  private static long[] longs(RestrictedUnpickler vm, Object v) {
    if (!(v instanceof Pickled.Tuple)) {
      throw vm.fail("has " + RestrictedUnpickler.describe(v) + " where a size tuple was expected");
    }
    List<Object> items = ((Pickled.Tuple) v).items();
    long[] out = new long[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toLong(vm, items.get(i));
    }
    return out;
  }
}

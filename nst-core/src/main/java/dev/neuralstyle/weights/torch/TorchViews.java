package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.FileRegions;
import dev.neuralstyle.weights.tensor.RawTensor;
import java.io.IOException;
import java.util.function.Function;

/**
 * Checks and materialises the strided tensor views that {@code _rebuild_tensor*} describe: offset
 * and strides count elements, and every element a view can touch must lie inside its storage.
 */
final class TorchViews {
  /** Reads raw storage records of a {@code .pth} container. */
  @FunctionalInterface
  interface StorageSource {
    /** Reads {@code count} elements starting at element {@code offset} of record {@code key}. */
    float[] read(String key, DType dtype, long offset, long count) throws IOException;
  }

  private TorchViews() {}

  /**
   * Validates a view of {@code storage} and returns it as a tensor reference; {@code vm} turns a
   * problem into an exception that names the file.
   */
  static Pickled.TensorRef check(
      Function<String, NstException> vm,
      Pickled.StorageRef storage,
      long offset,
      long[] size,
      long[] stride) {
    if (size.length != stride.length) {
      throw vm.apply(
          "rebuilds a tensor with " + size.length + " sizes but " + stride.length + " strides");
    }
    if (offset < 0) {
      throw vm.apply("rebuilds a tensor with negative storage offset " + offset);
    }
    boolean empty = false;
    for (int i = 0; i < size.length; i++) {
      if (size[i] < 0 || stride[i] < 0) {
        throw vm.apply("rebuilds a tensor with negative size or stride");
      }
      empty |= size[i] == 0;
    }
    if (!empty) {
      long last;
      try {
        last = offset;
        for (int i = 0; i < size.length; i++) {
          last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
        }
      } catch (ArithmeticException e) {
        last = Long.MAX_VALUE;
      }
      if (last >= storage.numel()) {
        throw vm.apply(
            "rebuilds a tensor of shape "
                + RawTensor.shapeText(size)
                + " that reaches element "
                + last
                + " of storage "
                + storage.key()
                + ", which has "
                + storage.numel()
                + " elements");
      }
    }
    return new Pickled.TensorRef(storage, offset, size, stride);
  }

  /** Reads a checked view into a dense C-order array. */
  static float[] load(Pickled.TensorRef t, StorageSource source) throws IOException {
    long[] size = t.size();
    long[] stride = t.stride();
    long numel = RawTensor.numel(size);
    if (numel > FileRegions.MAX_ELEMENTS) {
      throw new IOException("tensor of " + numel + " elements is too large");
    }
    if (numel == 0) {
      return new float[0];
    }
    long span = 1;
    boolean contiguous = true;
    long expected = 1;
    for (int i = size.length - 1; i >= 0; i--) {
      span += (size[i] - 1) * stride[i];
      if (size[i] != 1 && stride[i] != expected) {
        contiguous = false;
      }
      expected *= size[i];
    }
    Pickled.StorageRef s = t.storage();
    long start = s.base() + t.offset();
    if (contiguous) {
      return source.read(s.key(), s.dtype(), start, numel);
    }
    if (span > FileRegions.MAX_ELEMENTS) {
      throw new IOException("strided tensor spans " + span + " elements, too many to gather");
    }
    return FileRegions.gather(source.read(s.key(), s.dtype(), start, span), size, stride);
  }
}

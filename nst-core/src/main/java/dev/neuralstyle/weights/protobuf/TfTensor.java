package dev.neuralstyle.weights.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code TensorProto} (dtype 1, tensor_shape 2, tensor_content 4, float_val 5): float32 values
 * either as raw little-endian bytes, which must be exactly numel x 4, or as {@code float_val},
 * which must hold numel values or one value repeated to fill the shape. Decoded when loaded.
 */
final class TfTensor {
  static final int DT_FLOAT = 1;

  final int dtype;
  final long[] shape;
  private final ByteBuffer buf;
  private final int[] content;
  private final FloatField floatVal;

  private TfTensor(int dtype, long[] shape, ByteBuffer buf, int[] content, FloatField floatVal) {
    this.dtype = dtype;
    this.shape = shape;
    this.buf = buf;
    this.content = content;
    this.floatVal = floatVal;
  }

  static TfTensor parse(Wire t, ByteBuffer buf) {
    int start = t.position();
    int dtype = 0;
    List<Long> dims = new ArrayList<>();
    int[] content = null;
    while (t.hasMore()) {
      int f = t.next();
      if (f == 1 && t.wireType() == Wire.VARINT) {
        dtype = t.smallVarint("dtype");
      } else if (f == 2 && t.wireType() == Wire.LENGTH) {
        Wire shape = t.message();
        while (shape.hasMore()) {
          if (shape.next() == 2 && shape.wireType() == Wire.LENGTH) {
            Wire dim = shape.message();
            long size = 0;
            while (dim.hasMore()) {
              if (dim.next() == 1 && dim.wireType() == Wire.VARINT) {
                size = dim.varint();
              } else {
                dim.skip();
              }
            }
            if (size < 0 || size > Integer.MAX_VALUE || dims.size() >= 8) {
              throw Wire.fail(shape.position(), "tensor dimension " + size + " (or more than 8)");
            }
            dims.add(size);
          } else {
            shape.skip();
          }
        }
      } else if (f == 4 && t.wireType() == Wire.LENGTH) {
        content = t.region();
      } else {
        t.skip();
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    return new TfTensor(
        dtype, shape, buf, content, new FloatField(buf, start, t.position(), 5, false));
  }

  long numel() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Checks that the stored values fill the shape; returns a description of the storage. */
  String check() {
    if (dtype != DT_FLOAT) {
      throw Wire.fail(0, "tensor of dtype " + dtype + " (only DT_FLOAT = 1)");
    }
    long numel = numel();
    if (content != null) {
      long bytes = (long) content[1] - content[0];
      if (bytes != numel * 4) {
        throw Wire.fail(
            content[0], "tensor_content of " + bytes + " bytes for " + numel + " floats");
      }
      return "tensor_content";
    }
    long n = floatVal.count();
    if (n != numel && !(n == 1 && numel > 0)) {
      throw Wire.fail(0, "float_val of " + n + " values for a tensor of " + numel);
    }
    return "float_val";
  }

  float[] read() {
    int numel = (int) numel();
    if (content != null) {
      float[] v = new float[numel];
      buf.duplicate()
          .position(content[0])
          .limit(content[1])
          .slice()
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(v);
      return v;
    }
    int n = (int) floatVal.count();
    float[] given = floatVal.read(n);
    if (n == numel) {
      return given;
    }
    float[] v = new float[numel];
    java.util.Arrays.fill(v, given[0]);
    return v;
  }
}

package dev.neuralstyle.weights.protobuf;

import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.RawTensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One Caffe {@code BlobProto} (WEIGHT-FORMATS section 11c): the shape from {@code shape.dim} (field
 * 7) when present, else from the legacy {@code num/channels/height/width} (1-4); the values from
 * {@code data} (5, float) or {@code double_data} (8), packed or not. The value count must equal the
 * product of the shape; the values are decoded only when the tensor is loaded.
 */
final class CaffeBlob {
  final long[] shape;
  final DType dtype;
  private final FloatField values;

  private CaffeBlob(long[] shape, DType dtype, FloatField values) {
    this.shape = shape;
    this.dtype = dtype;
    this.values = values;
  }

  static CaffeBlob parse(Wire blob, ByteBuffer buf) {
    int start = blob.position();
    long[] legacy = {0, 0, 0, 0};
    boolean hasLegacy = false;
    List<Long> dims = null;
    boolean floats = false;
    boolean doubles = false;
    while (blob.hasMore()) {
      int f = blob.next();
      if (f >= 1 && f <= 4) {
        blob.expect(Wire.VARINT, "BlobProto legacy size");
        legacy[f - 1] = blob.smallVarint("blob size");
        hasLegacy = true;
      } else if (f == 7) {
        blob.expect(Wire.LENGTH, "BlobProto.shape");
        dims = shape(blob.message());
      } else {
        floats |= f == 5;
        doubles |= f == 8;
        blob.skip();
      }
    }
    int end = blob.position();
    long[] shape;
    if (dims != null) {
      shape = dims.stream().mapToLong(Long::longValue).toArray();
    } else if (hasLegacy) {
      shape = legacy;
    } else {
      shape = new long[] {0};
    }
    if (floats && doubles) {
      throw Wire.fail(start, "blob holds both data and double_data");
    }
    FloatField values = new FloatField(buf, start, end, doubles ? 8 : 5, doubles);
    long count = values.count();
    long numel = RawTensor.numel(shape);
    if (numel != count) {
      throw Wire.fail(
          start,
          "blob of shape "
              + RawTensor.shapeText(shape)
              + " holds "
              + count
              + " values, expected "
              + numel);
    }
    return new CaffeBlob(shape, doubles ? DType.F64 : DType.F32, values);
  }

  private static List<Long> shape(Wire s) {
    List<Long> dims = new ArrayList<>();
    while (s.hasMore()) {
      if (s.next() != 1) {
        s.skip();
      } else if (s.wireType() == Wire.LENGTH) {
        Wire packed = s.message();
        while (packed.hasMore()) {
          dims.add(dim(packed));
        }
      } else {
        s.expect(Wire.VARINT, "BlobShape.dim");
        dims.add(dim(s));
      }
      if (dims.size() > 8) {
        throw Wire.fail(s.position(), "blob shape of more than 8 dimensions");
      }
    }
    return dims;
  }

  private static long dim(Wire w) {
    int at = w.position();
    long d = w.varint();
    if (d < 0 || d > Integer.MAX_VALUE) {
      throw Wire.fail(at, "blob dimension " + Long.toUnsignedString(d));
    }
    return d;
  }

  long numel() {
    return RawTensor.numel(shape);
  }

  float[] read() {
    return values.read((int) numel());
  }
}

package dev.neuralstyle.weights.protobuf;

import java.nio.ByteBuffer;

/**
 * A repeated float (or double) field of one message, as Caffe's {@code BlobProto.data} and
 * TensorFlow's {@code TensorProto.float_val} store it: packed runs and single values may be mixed.
 * {@link #count} counts while parsing without allocating; {@link #read} decodes later, when the
 * loader asks for the tensor, by walking the message again.
 */
final class FloatField {
  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private final int field;
  private final boolean doubles;

  FloatField(ByteBuffer buf, int start, int end, int field, boolean doubles) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.field = field;
    this.doubles = doubles;
  }

  /** Number of values of the field in the message. */
  long count() {
    return walk(null);
  }

  /** The values, widened or narrowed to float32. */
  float[] read(int n) {
    float[] out = new float[n];
    walk(out);
    return out;
  }

  private long walk(float[] out) {
    Wire w = new Wire(buf, start, end);
    int size = doubles ? 8 : 4;
    int single = doubles ? Wire.FIXED64 : Wire.FIXED32;
    long n = 0;
    while (w.hasMore()) {
      if (w.next() != field) {
        w.skip();
        continue;
      }
      if (w.wireType() == Wire.LENGTH) {
        int[] r = w.region();
        if ((r[1] - r[0]) % size != 0) {
          throw Wire.fail(
              r[0], "packed run of " + (r[1] - r[0]) + " bytes is not a multiple of " + size);
        }
        int k = (r[1] - r[0]) / size;
        if (out != null) {
          Wire run = new Wire(buf, r[0], r[1]);
          for (int i = 0; i < k; i++) {
            out[(int) n + i] = doubles ? (float) run.fixed64Double() : run.fixed32Float();
          }
        }
        n += k;
      } else {
        w.expect(single, "a float value");
        float v = doubles ? (float) w.fixed64Double() : w.fixed32Float();
        if (out != null) {
          out[(int) n] = v;
        }
        n++;
      }
    }
    return n;
  }
}

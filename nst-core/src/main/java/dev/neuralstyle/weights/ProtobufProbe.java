package dev.neuralstyle.weights;

import java.nio.charset.StandardCharsets;

/**
 * Tells a Caffe {@code NetParameter} from a TensorFlow {@code GraphDef} by their first protobuf
 * field (WEIGHT-FORMATS section 11b/11c). Protobuf has no magic number: a GraphDef starts with its
 * first {@code node} (field 1) whose own first fields are {@code name} (1) and {@code op} (2); a
 * NetParameter starts with its {@code name} (field 1, text), its V1 {@code layers} (2), {@code
 * input} (3), {@code input_dim} (4) or its V2 {@code layer} (100).
 */
final class ProtobufProbe {
  private ProtobufProbe() {}

  /** The format, or {@code null} if {@code head} starts like neither message. */
  static WeightFormat detect(byte[] head) {
    int[] pos = {0};
    long tag = varint(head, pos);
    if (tag < 0) {
      return null;
    }
    long field = tag >>> 3;
    int wire = (int) (tag & 7);
    if (wire == 2 && (field == 2 || field == 100 || field == 3)) {
      return WeightFormat.CAFFE_MODEL;
    }
    if (field != 1 || wire != 2) {
      return null;
    }
    long length = varint(head, pos);
    if (length <= 0) {
      return null;
    }
    int start = pos[0];
    if (start < head.length && head[start] == 0x0A) {
      long nameLength = varint(head, new int[] {start + 1});
      int[] at = {start + 1};
      varint(head, at);
      int op = (int) (at[0] + nameLength);
      if (nameLength > 0 && op < head.length && op > 0 && head[op] == 0x12) {
        return WeightFormat.TF_GRAPHDEF;
      }
      return null;
    }
    int end = (int) Math.min(head.length, start + Math.min(length, 256));
    if (end <= start) {
      return null;
    }
    String name = new String(head, start, end - start, StandardCharsets.ISO_8859_1);
    return name.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? WeightFormat.CAFFE_MODEL : null;
  }

  private static long varint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 64 && pos[0] < b.length; shift += 7) {
      int x = b[pos[0]++] & 0xFF;
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    return -1;
  }
}

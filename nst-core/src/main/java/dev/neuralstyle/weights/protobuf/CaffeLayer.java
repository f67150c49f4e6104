package dev.neuralstyle.weights.protobuf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a NetParameter: its name, whether it is a convolution (V1 enum 4, V0 {@code "conv"},
 * V2 {@code "Convolution"}) and its blobs, parsed only for convolutions (fully connected blobs,
 * most of a VGG file, are skipped by length).
 */
final class CaffeLayer {
  private static final int MAX_BLOBS = 16;

  final String name;
  final String type;
  final List<CaffeBlob> blobs;

  private CaffeLayer(String name, String type, List<CaffeBlob> blobs) {
    this.name = name;
    this.type = type;
    this.blobs = blobs;
  }

  boolean isConvolution() {
    return type.equals("Convolution") || type.equals("conv") || type.equals("4");
  }

  /**
   * V1LayerParameter: name 4, type 5 (enum), blobs 6, the V0 layer in 1 (name 1, type 2, blobs 50).
   */
  static CaffeLayer v1(Wire w, ByteBuffer buf) {
    return parse(w, buf, 4, 5, 6, true);
  }

  /** V2 LayerParameter: name 1, type 2 (string), blobs 7. */
  static CaffeLayer v2(Wire w, ByteBuffer buf) {
    return parse(w, buf, 1, 2, 7, false);
  }

  private static CaffeLayer parse(
      Wire w, ByteBuffer buf, int nameField, int typeField, int blobField, boolean v1) {
    String name = "";
    String type = "";
    List<Wire> blobWires = new ArrayList<>();
    CaffeLayer v0 = null;
    while (w.hasMore()) {
      int f = w.next();
      if (f == nameField && w.wireType() == Wire.LENGTH) {
        name = w.string(4096);
      } else if (f == typeField && v1 && w.wireType() == Wire.VARINT) {
        type = Long.toString(w.varint());
      } else if (f == typeField && !v1 && w.wireType() == Wire.LENGTH) {
        type = w.string(4096);
      } else if (f == blobField && w.wireType() == Wire.LENGTH) {
        blobWires.add(w.message());
      } else if (v1 && f == 1 && w.wireType() == Wire.LENGTH) {
        v0 = parseV0(w.message(), buf);
      } else {
        w.skip();
      }
      if (blobWires.size() > MAX_BLOBS) {
        throw Wire.fail(w.position(), "layer " + name + " has more than " + MAX_BLOBS + " blobs");
      }
    }
    if (v0 != null && type.isEmpty() && blobWires.isEmpty()) {
      return v0;
    }
    CaffeLayer shell = new CaffeLayer(name, type, List.of());
    List<CaffeBlob> blobs = new ArrayList<>();
    if (shell.isConvolution()) {
      for (Wire b : blobWires) {
        blobs.add(CaffeBlob.parse(b, buf));
      }
    }
    return new CaffeLayer(name, type, blobs);
  }

  private static CaffeLayer parseV0(Wire w, ByteBuffer buf) {
    String name = "";
    String type = "";
    List<Wire> blobWires = new ArrayList<>();
    while (w.hasMore()) {
      int f = w.next();
      if (f == 1 && w.wireType() == Wire.LENGTH) {
        name = w.string(4096);
      } else if (f == 2 && w.wireType() == Wire.LENGTH) {
        type = w.string(4096);
      } else if (f == 50 && w.wireType() == Wire.LENGTH) {
        blobWires.add(w.message());
      } else {
        w.skip();
      }
    }
    List<CaffeBlob> blobs = new ArrayList<>();
    if (type.equals("conv")) {
      for (Wire b : blobWires) {
        blobs.add(CaffeBlob.parse(b, buf));
      }
    }
    return new CaffeLayer(name, type, blobs);
  }
}

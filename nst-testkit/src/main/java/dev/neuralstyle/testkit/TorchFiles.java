package dev.neuralstyle.testkit;

import dev.neuralstyle.testkit.TinyWeightFiles.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Writes float32 state dicts in the three PyTorch containers exactly as WEIGHT-FORMATS sections 2
 * and 3 describe them: zip ({@code P/data.pkl} + {@code P/data/<key>}), legacy stream (five
 * pickles, then storages in sorted-key order) and the 2017 tar container. Each tensor gets its own
 * storage.
 */
public final class TorchFiles {
  private TorchFiles() {}

  /** A zip container with archive folder {@code archiveName}. */
  public static Path writeZip(Path file, List<Tensor> tensors, String archiveName)
      throws IOException {
    byte[][] storages = tensors.stream().map(t -> floats(t.values())).toArray(byte[][]::new);
    return writeZip(file, archiveName, stateDict(tensors, 5, true).pickle, storages);
  }

  /** A zip container holding {@code dataPkl} and one storage record per key {@code 0..}. */
  public static Path writeZip(Path file, String archiveName, byte[] dataPkl, byte[]... storages)
      throws IOException {
    StoredZip zip = new StoredZip();
    zip.add(archiveName + "/data.pkl", dataPkl);
    for (int i = 0; i < storages.length; i++) {
      zip.add(archiveName + "/data/" + i, storages[i]);
    }
    zip.add(archiveName + "/version", "3\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Files.write(file, zip.finish());
    return file;
  }

  /**
   * A legacy stream; {@code rebuildV1} selects {@code _rebuild_tensor} (4 arguments, as in the
   * torchvision files of 2017) instead of {@code _rebuild_tensor_v2}.
   */
  public static Path writeLegacy(Path file, List<Tensor> tensors, boolean rebuildV1)
      throws IOException {
    StateDict dict = stateDict(tensors, 6, !rebuildV1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        new PickleWriter()
            .proto()
            .op(0x8A)
            .op(10)
            .op(0x6C)
            .op(0xFC)
            .op(0x9C)
            .op(0x46)
            .op(0xF9)
            .op(0x20)
            .op(0x6A)
            .op(0xA8)
            .op(0x50)
            .op(0x19)
            .stop()
            .toByteArray());
    out.writeBytes(new PickleWriter().proto().integer(1001).stop().toByteArray());
    out.writeBytes(sysInfo());
    out.writeBytes(dict.pickle);
    List<String> keys = new ArrayList<>(dict.keys);
    keys.sort(null);
    PickleWriter list = new PickleWriter().proto().emptyList().mark();
    keys.forEach(list::string);
    out.writeBytes(list.appends().stop().toByteArray());
    for (String key : keys) {
      Tensor t = dict.tensors.get(dict.keys.indexOf(key));
      out.writeBytes(int64(t.numel()));
      out.writeBytes(floats(t.values()));
    }
    Files.write(file, out.toByteArray());
    return file;
  }

  /** A tar container (members sys_info, pickle, tensors, storages, as PyTorch wrote them). */
  public static Path writeTar(Path file, List<Tensor> tensors) throws IOException {
    ByteArrayOutputStream storages = new ByteArrayOutputStream();
    ByteArrayOutputStream views = new ByteArrayOutputStream();
    storages.writeBytes(new PickleWriter().proto().integer(tensors.size()).stop().toByteArray());
    views.writeBytes(new PickleWriter().proto().integer(tensors.size()).stop().toByteArray());
    PickleWriter dict =
        new PickleWriter()
            .proto()
            .global("collections", "OrderedDict")
            .emptyTuple()
            .reduce()
            .mark();
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      long storageKey = 1000L + i;
      long tensorKey = 2000L + i;
      storages.writeBytes(
          new PickleWriter()
              .proto()
              .mark()
              .integer(storageKey)
              .string("cpu")
              .global("torch", "FloatStorage")
              .tuple()
              .stop()
              .toByteArray());
      storages.writeBytes(int64(t.numel()));
      storages.writeBytes(floats(t.values()));
      views.writeBytes(
          new PickleWriter()
              .proto()
              .mark()
              .integer(tensorKey)
              .integer(storageKey)
              .global("torch", "FloatTensor")
              .tuple()
              .stop()
              .toByteArray());
      ByteBuffer meta =
          ByteBuffer.allocate(8 + 16 * t.shape().length + 8)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putInt(t.shape().length)
              .putInt(0);
      for (long d : t.shape()) {
        meta.putLong(d);
      }
      for (long s : strides(t.shape())) {
        meta.putLong(s);
      }
      views.writeBytes(meta.putLong(0).array());
      dict.string(t.name()).string(Long.toString(tensorKey)).persistentId();
    }
    storages.writeBytes(new PickleWriter().proto().emptyList().stop().toByteArray());
    TarWriter tar = new TarWriter();
    tar.add("sys_info", sysInfo());
    tar.add("pickle", dict.setItems().stop().toByteArray());
    tar.add("tensors", views.toByteArray());
    tar.add("storages", storages.toByteArray());
    Files.write(file, tar.finish());
    return file;
  }

  /** A pickled state dict plus the storage keys (in order of first appearance). */
  private static final class StateDict {
    final byte[] pickle;
    final List<String> keys;
    final List<Tensor> tensors;

    StateDict(byte[] pickle, List<String> keys, List<Tensor> tensors) {
      this.pickle = pickle;
      this.keys = keys;
      this.tensors = tensors;
    }
  }

  /**
   * The state-dict pickle of {@code tensors}: persistent ids of {@code arity} 5 (zip, keys "0",
   * "1", ...) or 6 (legacy, address-like keys chosen so that their sorted order differs from file
   * order).
   */
  private static StateDict stateDict(List<Tensor> tensors, int arity, boolean v2) {
    List<String> keys = new ArrayList<>();
    PickleWriter p =
        new PickleWriter()
            .proto()
            .global("collections", "OrderedDict")
            .put(0)
            .emptyTuple()
            .reduce()
            .put(1)
            .mark();
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      String key = arity == 5 ? Integer.toString(i) : Long.toString(900_000_000L - 7_919L * i);
      keys.add(key);
      p.string(t.name())
          .global("torch._utils", v2 ? "_rebuild_tensor_v2" : "_rebuild_tensor")
          .mark()
          .mark()
          .string("storage")
          .global("torch", "FloatStorage")
          .string(key)
          .string("cpu")
          .integer(t.numel());
      if (arity == 6) {
        p.none();
      }
      p.tuple().persistentId().integer(0);
      tuple(p, t.shape(), PickleWriter::integer);
      tuple(p, strides(t.shape()), PickleWriter::integer);
      if (v2) {
        p.bool(false).get(0).emptyTuple().reduce();
      }
      p.tuple().reduce();
    }
    return new StateDict(p.setItems().stop().toByteArray(), keys, tensors);
  }

  private static void tuple(PickleWriter p, long[] values, ObjLongConsumer<PickleWriter> w) {
    p.mark();
    for (long v : values) {
      w.accept(p, v);
    }
    p.tuple();
  }

  private static byte[] sysInfo() {
    PickleWriter p =
        new PickleWriter()
            .proto()
            .emptyDict()
            .mark()
            .string("protocol_version")
            .integer(1001)
            .string("little_endian")
            .bool(true)
            .string("type_sizes")
            .emptyDict()
            .mark();
    return p.string("short")
        .integer(2)
        .string("int")
        .integer(4)
        .string("long")
        .integer(4)
        .setItems()
        .setItems()
        .stop()
        .toByteArray();
  }

  /** C-order strides of {@code shape}. */
  static long[] strides(long[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  private static byte[] int64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  private static byte[] floats(float[] values) {
    ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : values) {
      buf.putFloat(f);
    }
    return buf.array();
  }
}

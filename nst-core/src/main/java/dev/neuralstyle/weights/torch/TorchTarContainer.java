package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.FileRegions;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch tar container of early 2017 (WEIGHT-FORMATS section 3): members {@code sys_info},
 * {@code storages} (count, then per storage a pickled {@code (key, location, type)}, an int64
 * element count and the raw elements, then the list of storage views), {@code tensors} (count, then
 * per tensor a pickled {@code (key, storage_key, type)} and its sizes, strides and offset) and
 * {@code pickle} (the state dict, whose persistent ids are tensor keys).
 */
final class TorchTarContainer {
  private TorchTarContainer() {}

  static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.TORCH_TAR, TorchTarContainer::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    Map<String, TarMembers.Member> members = TarMembers.list(file, ch);
    out.putMetadata("container", "tar");
    TorchLegacyContainer.checkSysInfo(
        file,
        cursor(file, ch, members, "sys_info")
            .pickle("sys_info", TorchLegacyContainer::noPersistentIds));
    Map<String, Pickled.StorageRef> storages = new HashMap<>();
    Map<String, Long> positions = new HashMap<>();
    readStorages(file, cursor(file, ch, members, "storages"), storages, positions);
    Map<String, Pickled.TensorRef> tensors = new HashMap<>();
    ChannelCursor tc = cursor(file, ch, members, "tensors");
    long count = count(file, tc.pickle("tensors count", TorchLegacyContainer::noPersistentIds));
    for (long i = 0; i < count; i++) {
      Object rec = tc.pickle("tensor record", TorchLegacyContainer::noPersistentIds);
      if (!(rec instanceof Pickled.Tuple) || ((Pickled.Tuple) rec).size() != 3) {
        throw new NstException("weights file " + file + " has malformed tensor record " + rec);
      }
      String key = String.valueOf(((Pickled.Tuple) rec).get(0));
      Pickled.StorageRef storage = storages.get(String.valueOf(((Pickled.Tuple) rec).get(1)));
      int ndim = tc.int32("tensor " + key + " rank");
      tc.skip(4, "tensor " + key + " padding");
      if (storage == null || ndim < 0 || ndim > 16) {
        throw new NstException(
            "weights file "
                + file
                + ": tensor "
                + key
                + (storage == null ? " uses an unknown storage" : " has rank " + ndim));
      }
      long[] size = new long[ndim];
      long[] stride = new long[ndim];
      for (int d = 0; d < ndim; d++) {
        size[d] = tc.int64("tensor " + key + " size");
      }
      for (int d = 0; d < ndim; d++) {
        stride[d] = tc.int64("tensor " + key + " stride");
      }
      long offset = tc.int64("tensor " + key + " offset");
      tensors.put(
          key,
          TorchViews.check(
              p -> new NstException("weights file " + file + ": tensor " + key + " " + p),
              storage,
              offset,
              size,
              stride));
    }
    Object root =
        cursor(file, ch, members, "pickle")
            .pickle(
                "pickle",
                pid -> {
                  Pickled.TensorRef t = pid instanceof String ? tensors.get(pid) : null;
                  if (t == null) {
                    throw new NstException(
                        "weights file " + file + " refers to unknown tensor " + Pickled.show(pid));
                  }
                  return t;
                });
    TorchPthReader.addStateDict(
        file,
        root,
        out,
        (key, dtype, offset, n) ->
            FileRegions.floats(ch, positions.get(key) + offset * dtype.size(), dtype, n));
  }

  private static void readStorages(
      Path file,
      ChannelCursor c,
      Map<String, Pickled.StorageRef> storages,
      Map<String, Long> positions)
      throws IOException {
    long count = count(file, c.pickle("storages count", TorchLegacyContainer::noPersistentIds));
    for (long i = 0; i < count; i++) {
      Object rec = c.pickle("storage record", TorchLegacyContainer::noPersistentIds);
      if (!(rec instanceof Pickled.Tuple)
          || ((Pickled.Tuple) rec).size() != 3
          || !(((Pickled.Tuple) rec).get(2) instanceof Pickled.Global)) {
        throw new NstException("weights file " + file + " has malformed storage record " + rec);
      }
      Pickled.Tuple t = (Pickled.Tuple) rec;
      String key = String.valueOf(t.get(0));
      Pickled.Global type = (Pickled.Global) t.get(2);
      DType dtype = DType.fromTorchStorage(type.name());
      if (dtype == null || storages.containsKey(key)) {
        throw new NstException(
            "weights file "
                + file
                + ": storage "
                + key
                + (dtype == null ? " has unsupported type " + type : " appears twice"));
      }
      long numel = c.int64("storage " + key + " element count");
      if (numel < 0 || numel > (1L << 56)) {
        throw new NstException("weights file " + file + ": storage " + key + " has count " + numel);
      }
      positions.put(key, c.position());
      c.skip(numel * dtype.size(), "storage " + key);
      storages.put(key, new Pickled.StorageRef(key, dtype, numel, 0));
    }
    Object views = c.pickle("storage views", TorchLegacyContainer::noPersistentIds);
    if (!(views instanceof List)) {
      throw new NstException("weights file " + file + " has malformed storage views " + views);
    }
    for (Object v : (List<?>) views) {
      Pickled.Tuple t = v instanceof Pickled.Tuple ? (Pickled.Tuple) v : null;
      Pickled.StorageRef root =
          t != null && t.size() == 4 ? storages.get(String.valueOf(t.get(1))) : null;
      if (root == null
          || !(t.get(2) instanceof Long)
          || !(t.get(3) instanceof Long)
          || (Long) t.get(2) < 0
          || (Long) t.get(3) < 0
          || (Long) t.get(2) > root.numel() - (Long) t.get(3)) {
        throw new NstException("weights file " + file + " has invalid storage view " + v);
      }
      storages.put(
          String.valueOf(t.get(0)),
          new Pickled.StorageRef(
              root.key(), root.dtype(), (Long) t.get(3), root.base() + (Long) t.get(2)));
    }
  }

  private static ChannelCursor cursor(
      Path file, FileChannel ch, Map<String, TarMembers.Member> members, String name) {
    TarMembers.Member m = members.get(name);
    if (m == null) {
      throw new NstException(
          "weights file "
              + file
              + " is a tar archive without member '"
              + name
              + "'; it is not a PyTorch file (members: "
              + Pickled.printable(members.keySet().toString(), 200)
              + ")");
    }
    return new ChannelCursor(file, ch, m.offset(), m.offset() + m.size());
  }

  private static long count(Path file, Object v) {
    if (!(v instanceof Long) || (Long) v < 0) {
      throw new NstException("weights file " + file + " has an invalid record count " + v);
    }
    return (Long) v;
  }
}

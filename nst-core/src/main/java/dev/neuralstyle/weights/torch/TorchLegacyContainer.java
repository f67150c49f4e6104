package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.FileRegions;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PyTorch legacy stream (WEIGHT-FORMATS section 3): magic number, protocol version and sys_info
 * pickles, the state dict, the sorted list of storage keys, then per key an int64 element count and
 * the raw elements. The state dict must be parsed first: only it tells each record's element size.
 */
final class TorchLegacyContainer {
  private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

  private TorchLegacyContainer() {}

  static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.TORCH_LEGACY, TorchLegacyContainer::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    ChannelCursor cur = new ChannelCursor(file, ch, 0, ch.size());
    Object magic = cur.pickle("#1 (magic number)", TorchLegacyContainer::noPersistentIds);
    if (!MAGIC.equals(magic)) {
      throw new NstException("weights file " + file + " has a wrong magic number " + magic);
    }
    Object version = cur.pickle("#2 (protocol version)", TorchLegacyContainer::noPersistentIds);
    if (!Long.valueOf(1001).equals(version)) {
      throw new NstException(
          "weights file " + file + " has protocol version " + version + ", expected 1001");
    }
    checkSysInfo(file, cur.pickle("#3 (sys_info)", TorchLegacyContainer::noPersistentIds));
    out.putMetadata("container", "legacy");
    Map<String, DType> types = new HashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    Object root =
        cur.pickle(
            "#4 (state dict)",
            pid -> {
              Object[] id = TorchPthReader.storageId(file, pid, 6);
              String key = (String) id[1];
              long numel = (Long) id[2];
              if ((types.containsKey(key) && types.get(key) != id[0])
                  || (sizes.containsKey(key) && sizes.get(key) != numel)) {
                throw new NstException(
                    "weights file "
                        + file
                        + " describes storage "
                        + key
                        + " twice,"
                        + " with different types or sizes");
              }
              types.put(key, (DType) id[0]);
              sizes.put(key, numel);
              return view(file, key, (DType) id[0], numel, id[3]);
            });
    Object keys = cur.pickle("#5 (storage keys)", TorchLegacyContainer::noPersistentIds);
    if (!(keys instanceof List)) {
      throw new NstException("weights file " + file + " has no storage key list after the dict");
    }
    Map<String, Long> positions = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Object k : (List<?>) keys) {
      String key = String.valueOf(k);
      if (!seen.add(key) || !types.containsKey(key)) {
        throw new NstException(
            "weights file "
                + file
                + " lists storage "
                + key
                + (types.containsKey(key) ? " twice" : " that the state dict never uses"));
      }
      long count = cur.int64("the element count of storage " + key);
      if (count != sizes.get(key)) {
        throw new NstException(
            "weights file "
                + file
                + ": storage "
                + key
                + " holds "
                + count
                + " elements, but the state dict says "
                + sizes.get(key));
      }
      positions.put(key, cur.position());
      cur.skip(count * types.get(key).size(), "storage " + key);
    }
    if (!seen.equals(types.keySet())) {
      throw new NstException("weights file " + file + " lacks the data of some storages");
    }
    TorchPthReader.addStateDict(
        file,
        root,
        out,
        (key, dtype, offset, count) ->
            FileRegions.floats(ch, positions.get(key) + offset * dtype.size(), dtype, count));
  }

  private static Pickled.StorageRef view(Path file, String key, DType dtype, long numel, Object v) {
    if (v == Pickled.NONE) {
      return new Pickled.StorageRef(key, dtype, numel, 0);
    }
    if (v instanceof Pickled.Tuple
        && ((Pickled.Tuple) v).size() == 3
        && ((Pickled.Tuple) v).get(1) instanceof Long
        && ((Pickled.Tuple) v).get(2) instanceof Long) {
      long offset = (Long) ((Pickled.Tuple) v).get(1);
      long size = (Long) ((Pickled.Tuple) v).get(2);
      if (offset >= 0 && size >= 0 && offset <= numel - size) {
        return new Pickled.StorageRef(key, dtype, size, offset);
      }
    }
    throw new NstException(
        "weights file " + file + " has invalid view metadata " + v + " for storage " + key);
  }

  static void checkSysInfo(Path file, Object info) {
    if (!(info instanceof Map)) {
      throw new NstException("weights file " + file + " has malformed sys_info " + info);
    }
    Object little = ((Map<?, ?>) info).get("little_endian");
    if (little != null && !Boolean.TRUE.equals(little)) {
      throw new NstException(
          "weights file "
              + file
              + " was written on a big-endian machine"
              + " (sys_info little_endian = "
              + little
              + "); only little-endian files are supported");
    }
  }

  // The persistent_load callback for pickles that must hold no persistent ids: throwing is its job.
  @SuppressWarnings("DoNotCallSuggester")
  static Object noPersistentIds(Object pid) {
    throw new NstException(
        "unexpected persistent id " + Pickled.show(pid) + " outside the state dict");
  }
}

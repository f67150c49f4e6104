package dev.neuralstyle.weights.torch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The PyTorch zip container (WEIGHT-FORMATS section 2): {@code P/data.pkl} plus one stored record
 * {@code P/data/<key>} per storage. Read with {@link ZipFile}, which uses the central directory and
 * so copes with the zero sizes in the local headers.
 */
final class TorchZipContainer {
  private TorchZipContainer() {}

  static TensorFile read(Path file) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new NstException(
          "weights file "
              + file
              + " is not a valid PyTorch zip archive ("
              + e.getMessage()
              + "); the file may be truncated or corrupt",
          e);
    }
    TensorFile out = new TensorFile(file, WeightFormat.TORCH_ZIP);
    out.addResource(zip);
    try {
      parse(file, zip, out);
      return out;
    } catch (RuntimeException | IOException e) {
      out.close();
      throw e;
    }
  }

  private static void parse(Path file, ZipFile zip, TensorFile out) throws IOException {
    ZipEntry pkl = null;
    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
      ZipEntry e = en.nextElement();
      if (e.getName().endsWith("/data.pkl")
          && e.getName().indexOf('/') == e.getName().length() - 9) {
        if (pkl != null) {
          throw new NstException("weights file " + file + " holds two data.pkl records");
        }
        pkl = e;
      }
    }
    if (pkl == null) {
      throw new NstException(
          "weights file "
              + file
              + " is a zip archive without <name>/data.pkl;"
              + " it is not a PyTorch file");
    }
    String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
    out.putMetadata("container", "zip");
    out.putMetadata("archive_name", prefix.substring(0, prefix.length() - 1));
    if (pkl.getSize() > ChannelCursor.MAX_PICKLE) {
      throw new NstException(
          "weights file "
              + file
              + ": data.pkl has "
              + pkl.getSize()
              + " bytes; the limit is "
              + ChannelCursor.MAX_PICKLE);
    }
    byte[] pickle = readAll(zip, pkl, pkl.getSize());
    Map<String, DType> types = new HashMap<>();
    ByteBuffer buf = ByteBuffer.wrap(pickle);
    Object root =
        new RestrictedUnpickler(
                file,
                "data.pkl",
                buf,
                pid -> {
                  Object[] id = TorchPthReader.storageId(file, pid, 5);
                  DType dtype = (DType) id[0];
                  String key = (String) id[1];
                  long numel = (Long) id[2];
                  ZipEntry rec = zip.getEntry(prefix + "data/" + key);
                  if (rec == null) {
                    throw new NstException(
                        "weights file "
                            + file
                            + " has no record data/"
                            + key
                            + " for a storage named in data.pkl");
                  }
                  if (types.containsKey(key) && types.get(key) != dtype) {
                    throw new NstException(
                        "weights file " + file + " uses storage " + key + " with two types");
                  }
                  types.put(key, dtype);
                  if (rec.getSize() != numel * dtype.size()) {
                    throw new NstException(
                        "weights file "
                            + file
                            + ": record data/"
                            + key
                            + " has "
                            + rec.getSize()
                            + " bytes, expected "
                            + numel
                            + " x "
                            + dtype.size());
                  }
                  return new Pickled.StorageRef(key, dtype, numel, 0);
                })
            .load();
    if (buf.hasRemaining()) {
      throw new NstException(
          "weights file "
              + file
              + ": data.pkl has "
              + buf.remaining()
              + " bytes after its STOP opcode");
    }
    TorchPthReader.addStateDict(
        file,
        root,
        out,
        (key, dtype, offset, count) -> {
          ZipEntry rec = zip.getEntry(prefix + "data/" + key);
          try (InputStream in = zip.getInputStream(rec)) {
            in.skipNBytes(offset * dtype.size());
            byte[] bytes = in.readNBytes(Math.toIntExact(count * dtype.size()));
            if (bytes.length != count * dtype.size()) {
              throw new IOException("record data/" + key + " ends early");
            }
            float[] values = new float[(int) count];
            dtype.decode(ByteBuffer.wrap(bytes), values, 0, (int) count);
            return values;
          }
        });
  }

  private static byte[] readAll(ZipFile zip, ZipEntry e, long size) throws IOException {
    try (InputStream in = zip.getInputStream(e)) {
      byte[] bytes = in.readNBytes((int) size);
      if (bytes.length != size) {
        throw new IOException("record " + e.getName() + " ends early");
      }
      return bytes;
    }
  }
}

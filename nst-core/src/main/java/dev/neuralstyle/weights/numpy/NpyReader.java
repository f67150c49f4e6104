package dev.neuralstyle.weights.numpy;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.numpy.NpyUnpickler.PickleException;
import dev.neuralstyle.weights.numpy.NpyValues.Array;
import dev.neuralstyle.weights.numpy.NpyValues.Bytes;
import dev.neuralstyle.weights.tensor.KernelLayout;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads machrisaa/tensorflow-vgg's {@code vgg16.npy}/{@code vgg19.npy} (WEIGHT-FORMATS section
 * 11a): a {@code .npy} whose single 0-d object array holds {@code {layer: [W, b]}} (or {@code {0:
 * W, 1: b}}, or {@code {'weights': W, 'biases': b}}), W an HWIO float32 kernel and b its bias,
 * Caffe BGR filters. Convolutions become {@code convB_C.weight} (OIHW, permuted when read) and
 * {@code .bias}; other entries ({@code fc6} …) are listed under their own names and never read.
 */
public final class NpyReader {
  private static final int MAX_HEADER = 1 << 16;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /**
   * Parses {@code file}; the tensors read from the file's mapped memory when loaded.
   *
   * @throws NstException naming the file, the rule and the value for every malformed input
   */
  public static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.NUMPY_NPY, NpyReader::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    long size = ch.size();
    if (size > Integer.MAX_VALUE) {
      throw bad(file, "is " + size + " bytes; .npy files up to 2 GiB are supported");
    }
    MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    map.order(ByteOrder.LITTLE_ENDIAN);
    if (size < 10) {
      throw bad(file, "ends after " + size + " bytes, inside the .npy header");
    }
    int major = map.get(6) & 0xFF;
    long headerLength = major == 1 ? map.getShort(8) & 0xFFFF : map.getInt(8) & 0xFFFFFFFFL;
    int start = major == 1 ? 10 : 12;
    if (major < 1 || major > 3) {
      throw bad(file, "has .npy version " + major + " (1 to 3 are known)");
    }
    if (headerLength > MAX_HEADER || start + headerLength > size) {
      throw bad(file, "declares a .npy header of " + headerLength + " bytes in a file of " + size);
    }
    byte[] h = new byte[(int) headerLength];
    map.get(start, h);
    String header = new String(h, StandardCharsets.UTF_8).trim();
    Matcher descr = DESCR.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    if (!header.startsWith("{") || !descr.find() || !shape.find() || !fortran.find()) {
      throw bad(file, "has a .npy header that is not numpy's dict: " + abbreviate(header));
    }
    if (!descr.group(1).equals("|O") || !shape.group(1).isBlank()) {
      throw bad(
          file,
          "holds a plain array (descr '"
              + abbreviate(descr.group(1))
              + "', shape ("
              + abbreviate(shape.group(1))
              + ")), not the pickled dict of layers that vgg16.npy/vgg19.npy hold");
    }
    ByteBuffer pickle = map.slice(start + (int) headerLength, (int) (size - start - headerLength));
    NpyUnpickler vm = new NpyUnpickler(pickle);
    Object top;
    try {
      top = vm.load();
      NpyLayers.collect(unwrap(top, vm), out);
    } catch (PickleException e) {
      throw bad(file, "is not a safe numpy weights pickle: " + e.getMessage());
    }
    out.putMetadata("preprocessing", "caffe");
    out.putMetadata(
        "input_convention",
        "BGR 0..255 minus mean (103.939, 116.779, 123.68): machrisaa/tensorflow-vgg feeds RGB"
            + " 0..1 x 255, reordered to BGR; HWIO kernels");
    out.putMetadata(
        "pickle",
        "protocol " + vm.protocol() + ", globals from " + String.join(", ", vm.modules()));
  }

  private static Map<?, ?> unwrap(Object top, NpyUnpickler vm) {
    if (top instanceof Array a
        && a.built()
        && a.dtype.isObject()
        && a.shape.length == 0
        && a.data instanceof List<?> items
        && items.size() == 1
        && items.get(0) instanceof Map<?, ?> dict) {
      return dict;
    }
    throw vm.fail(
        0,
        "the top object is " + NpyValues.describe(top) + ", not a 0-d object array holding a dict");
  }

  /** Reads an array's float32 values in C order. */
  static RawTensor.Loader values(Array a) {
    Bytes data = (Bytes) a.data;
    long[] shape = a.shape.clone();
    boolean fortran = a.fortran;
    return () -> {
      ByteBuffer b = data.read().order(ByteOrder.LITTLE_ENDIAN);
      float[] v = new float[(int) (data.size() / 4)];
      b.asFloatBuffer().get(v);
      if (!fortran || shape.length < 2) {
        return v;
      }
      int rank = shape.length;
      long[] reversed = new long[rank];
      int[] axes = new int[rank];
      for (int d = 0; d < rank; d++) {
        reversed[d] = shape[rank - 1 - d];
        axes[d] = rank - 1 - d;
      }
      return KernelLayout.permute(v, reversed, axes);
    };
  }

  private static String abbreviate(String s) {
    return NpyValues.printable(s.length() <= 80 ? s : s.substring(0, 80) + "…");
  }

  static NstException bad(Path file, String what) {
    return new NstException("weights file " + file + " (numpy .npy) " + what);
  }
}

package dev.neuralstyle.weights.hdf5;

import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Keras {@code save_weights} HDF5 files (WEIGHT-FORMATS section 7) with jHDF. Layer groups
 * come from the root attribute {@code layer_names} (or its split parts {@code layer_names0}, {@code
 * layer_names1}, ...); each group's {@code weight_names} lists kernel then bias, resolved relative
 * to the group, so both Keras-1 ({@code block1_conv1_W_1:0}) and Keras-2 ({@code
 * block1_conv1/kernel:0}) names work. Convolution groups {@code blockB_convC} become tensors {@code
 * blockB_convC.weight} (HWIO kernels transposed to OIHW) and {@code blockB_convC.bias}; other
 * groups are skipped unread.
 */
public final class KerasH5Reader {
  /** Keras group names of VGG convolutions. */
  static final Pattern CONV_GROUP = Pattern.compile("block([1-5])_conv([1-4])");

  private KerasH5Reader() {}

  /** Reads the VGG convolution tensors of the Keras HDF5 weights file {@code file}. */
  public static TensorFile read(Path file) {
    HdfFile hdf = open(file, RegularFiles.require(file, "weights file"));
    TensorFile out = new TensorFile(file, WeightFormat.KERAS_H5);
    out.addResource(hdf::close);
    try {
      out.putMetadata("container", "hdf5");
      for (String key : new String[] {"backend", "keras_version"}) {
        Object v = hdf.getAttribute(key) == null ? null : hdf.getAttribute(key).getData();
        if (v instanceof String) {
          out.putMetadata(key, (String) v);
        }
      }
      for (String layer : strings(file, hdf, "layer_names")) {
        if (!CONV_GROUP.matcher(layer).matches()) {
          continue;
        }
        Node node = H5Paths.resolve(file, hdf, layer);
        if (!(node instanceof Group)) {
          throw new NstException(
              "Keras file " + file + " lists layer " + layer + " but has no group of that name");
        }
        List<String> names = strings(file, node, "weight_names");
        if (names.size() != 2) {
          throw new NstException(
              "Keras file "
                  + file
                  + ": layer "
                  + layer
                  + " has "
                  + names.size()
                  + " weights, expected 2 (kernel, bias)");
        }
        Dataset kernel = dataset(file, (Group) node, names.get(0));
        Dataset bias = dataset(file, (Group) node, names.get(1));
        long[] k = kernel.getDimensionsAsLong();
        if (k.length != 4) {
          throw new NstException(
              "Keras file "
                  + file
                  + ": kernel "
                  + kernel.getPath()
                  + " has shape "
                  + RawTensor.shapeText(k)
                  + ", expected 4 dimensions (height, width, in, out)");
        }
        long[] oihw = {k[3], k[2], k[0], k[1]};
        out.add(
            new RawTensor(
                layer + ".weight", dtype(file, kernel), oihw, () -> hwioToOihw(floats(kernel), k)));
        out.add(
            new RawTensor(
                layer + ".bias",
                dtype(file, bias),
                bias.getDimensionsAsLong(),
                () -> floats(bias)));
      }
      return out;
    } catch (RuntimeException e) {
      hdf.close();
      throw e;
    }
  }

  /**
   * Reads a string-array attribute, joining the parts that HDF5 splits a long one into (the name
   * followed by 0, 1, ...).
   */
  /**
   * Opens the file mapped into memory (not copied) when it is under 2 GiB: jHDF then reads every
   * structure as a slice of the mapping, so a header that declares more bytes than the file holds
   * fails as a bounds error. Through a file channel jHDF allocates the declared size first (a
   * fuzzed object header of 2 GB ended in an out-of-memory error).
   */
  private static HdfFile open(Path file, long size) {
    if (size > Integer.MAX_VALUE) {
      return new HdfFile(file);
    }
    try (FileChannel ch = RegularFiles.open(file, "weights file")) {
      return HdfFile.fromByteBuffer(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
    } catch (IOException e) {
      throw new NstException("cannot read weights file " + file + ": " + RegularFiles.reason(e), e);
    }
  }

  private static List<String> strings(Path file, Node node, String name) {
    List<String> out = new ArrayList<>();
    if (node.getAttribute(name) != null) {
      addStrings(file, node.getAttribute(name), out);
      return out;
    }
    for (int i = 0; node.getAttribute(name + i) != null; i++) {
      addStrings(file, node.getAttribute(name + i), out);
    }
    if (out.isEmpty() && node == node.getHdfFile()) {
      throw new NstException(
          "Keras file "
              + file
              + " has no root attribute "
              + name
              + "; it was not written by Keras save_weights");
    }
    return out;
  }

  private static void addStrings(Path file, Attribute a, List<String> out) {
    if (a.isEmpty()) {
      return;
    }
    Object data = a.getData();
    if (data instanceof String[]) {
      out.addAll(List.of((String[]) data));
    } else if (data instanceof String) {
      out.add((String) data);
    } else {
      throw new NstException(
          "Keras file "
              + file
              + ": attribute "
              + a.getName()
              + " of "
              + a.getNode().getPath()
              + " is not a list of strings");
    }
  }

  private static Dataset dataset(Path file, Group group, String name) {
    Node n = H5Paths.resolve(file, group, name);
    if (!(n instanceof Dataset)) {
      throw new NstException(
          "Keras file "
              + file
              + ": layer "
              + group.getName()
              + " names weight "
              + name
              + ", which is not a dataset in its group");
    }
    return (Dataset) n;
  }

  private static DType dtype(Path file, Dataset d) {
    Class<?> t = d.getJavaType();
    if (t == float.class) {
      return DType.F32;
    }
    if (t == double.class) {
      return DType.F64;
    }
    throw new NstException(
        "Keras file "
            + file
            + ": dataset "
            + d.getPath()
            + " holds "
            + t
            + " values, expected float32");
  }

  private static float[] floats(Dataset d) {
    Object flat = d.getDataFlat();
    if (flat instanceof float[]) {
      return (float[]) flat;
    }
    double[] doubles = (double[]) flat;
    float[] out = new float[doubles.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) doubles[i];
    }
    return out;
  }

  /** weight[o][i][h][w] = kernel[h][w][i][o], i.e. a (3, 2, 0, 1) transpose. */
  static float[] hwioToOihw(float[] hwio, long[] dims) {
    int kh = (int) dims[0];
    int kw = (int) dims[1];
    int in = (int) dims[2];
    int outC = (int) dims[3];
    float[] oihw = new float[hwio.length];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < outC; o++) {
            oihw[((o * in + i) * kh + h) * kw + w] = hwio[((h * kw + w) * in + i) * outC + o];
          }
        }
      }
    }
    return oihw;
  }
}

package dev.neuralstyle.weights.protobuf;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.KernelLayout;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Caffe {@code .caffemodel} (a binary {@code NetParameter}, WEIGHT-FORMATS section 11c)
 * without its prototxt: V1 {@code layers} (field 2, with the V0 form nested in field 1) and V2
 * {@code layer} (field 100). Each convolution's first blob is its OIHW kernel and the second its
 * bias; the file's own layer names ({@code conv1_1} …) are used, or VGG's names by position when
 * the file has 13 or 16 convolutions under other names. The input is BGR 0..255 minus the Caffe
 * mean. A file (or network) named {@code *normalised*} is reported as the paper's normalised VGG.
 */
public final class CaffeReader {
  private static final int MAX_NAME = 4096;
  private static final int MAX_LAYERS = 100_000;

  private CaffeReader() {}

  /**
   * Parses {@code file}; kernels are decoded from the mapped file when loaded.
   *
   * @throws NstException naming the file, the rule and the value for every malformed input
   */
  public static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.CAFFE_MODEL, CaffeReader::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    long size = ch.size();
    if (size > Integer.MAX_VALUE) {
      throw bad(file, "is " + size + " bytes; files up to 2 GiB are supported");
    }
    MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    map.order(ByteOrder.LITTLE_ENDIAN);
    String netName = "";
    List<CaffeLayer> layers = new ArrayList<>();
    int v1 = 0;
    int v2 = 0;
    try {
      Wire net = new Wire(map, 0, (int) size);
      while (net.hasMore()) {
        int f = net.next();
        if (f == 1 && net.wireType() == Wire.LENGTH) {
          netName = net.string(MAX_NAME);
        } else if ((f == 2 || f == 100) && net.wireType() == Wire.LENGTH) {
          layers.add(
              f == 2 ? CaffeLayer.v1(net.message(), map) : CaffeLayer.v2(net.message(), map));
          v1 += f == 2 ? 1 : 0;
          v2 += f == 100 ? 1 : 0;
          if (layers.size() > MAX_LAYERS) {
            throw Wire.fail(net.position(), "more than " + MAX_LAYERS + " layers");
          }
        } else {
          net.skip();
        }
      }
    } catch (Wire.WireException e) {
      throw bad(file, "is not a valid NetParameter: " + e.getMessage());
    }
    List<CaffeLayer> convs = layers.stream().filter(CaffeLayer::isConvolution).toList();
    if (convs.isEmpty()) {
      throw bad(
          file, "holds no convolution layers with weights (" + layers.size() + " layers in all)");
    }
    List<String> names = KernelLayout.canonicalConvNames(convs.stream().map(c -> c.name).toList());
    if (names == null) {
      throw bad(
          file,
          "has "
              + convs.size()
              + " convolutions named "
              + String.join(", ", convs.stream().limit(4).map(c -> c.name).toList())
              + " …; expected conv1_1 … names or the 13/16 convolutions of VGG-16/19");
    }
    for (int i = 0; i < convs.size(); i++) {
      addConv(file, out, names.get(i), convs.get(i));
    }
    out.putMetadata("preprocessing", "caffe");
    out.putMetadata(
        "input_convention",
        "BGR 0..255 minus mean (103.939, 116.779, 123.68), OIHW kernels (Caffe)");
    out.putMetadata(
        "caffe",
        (netName.isEmpty() ? "unnamed net" : "net '" + printable(netName) + "'")
            + ", "
            + (v1 > 0 ? v1 + " V1 layers" : "")
            + (v1 > 0 && v2 > 0 ? " and " : "")
            + (v2 > 0 ? v2 + " V2 layers" : "")
            + ", "
            + convs.size()
            + " convolutions");
    String both = (file.getFileName() + " " + netName).toLowerCase(Locale.ROOT);
    if (both.contains("normalised") || both.contains("normalized")) {
      out.putMetadata(
          "network",
          "normalised VGG-19 of Gatys et al. (2015): every filter's mean response over ImageNet is"
              + " 1, so the paper's alpha/beta apply unchanged (do not normalise it again)");
    }
  }

  private static void addConv(Path file, TensorFile out, String name, CaffeLayer layer) {
    if (layer.blobs.size() < 2) {
      throw bad(
          file,
          "layer "
              + layer.name
              + " has "
              + layer.blobs.size()
              + " blobs; a convolution with bias has 2");
    }
    CaffeBlob w = layer.blobs.get(0);
    CaffeBlob b = layer.blobs.get(1);
    if (w.shape.length != 4 || b.numel() != w.shape[0]) {
      throw bad(
          file,
          "layer "
              + layer.name
              + " has a kernel of shape "
              + RawTensor.shapeText(w.shape)
              + " and a bias of "
              + b.numel()
              + " values; expected out x in x kh x kw and out");
    }
    out.add(new RawTensor(name + ".weight", w.dtype, w.shape, w::read));
    out.add(new RawTensor(name + ".bias", b.dtype, new long[] {w.shape[0]}, b::read));
  }

  static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7E]", "?");
  }

  static NstException bad(Path file, String what) {
    return new NstException("weights file " + file + " (Caffe .caffemodel) " + what);
  }
}

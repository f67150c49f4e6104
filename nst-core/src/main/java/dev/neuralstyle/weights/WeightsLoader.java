package dev.neuralstyle.weights;

import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.weights.hdf5.KerasH5Reader;
import dev.neuralstyle.weights.matlab.MatReader;
import dev.neuralstyle.weights.numpy.NpyReader;
import dev.neuralstyle.weights.protobuf.CaffeReader;
import dev.neuralstyle.weights.protobuf.GraphDefReader;
import dev.neuralstyle.weights.safetensors.SafetensorsReader;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import dev.neuralstyle.weights.torch.TorchPthReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads VGG convolution weights from safetensors, PyTorch {@code .pth} (zip, legacy stream or tar),
 * Keras {@code .h5}, numpy {@code .npy}, Caffe {@code .caffemodel}, TensorFlow {@code .tfmodel} or
 * MatConvNet {@code .mat} files. The format is recognised from the first bytes; only convolution
 * tensors are read into memory, each checked for dtype (float32, or float16/bfloat16/float64
 * converted) and shape. Every problem surfaces as a one-line {@link NstException} naming the file
 * and tensor.
 */
public final class WeightsLoader {
  private WeightsLoader() {}

  /**
   * Loads the convolution weights in {@code file}.
   *
   * @param file a weights file in any supported format
   * @param modelHint the expected model, used when the file fits both VGG-16 and VGG-19; a file
   *     that clearly holds the other model is an error; may be {@code null}
   * @param conventionOverride the input convention to record instead of detecting it; may be {@code
   *     null}
   * @return the weights, with their model, convention, format, SHA-256 and metadata
   * @throws NstException if the file is missing, corrupt, unsafe or not VGG weights
   */
  public static VggWeights load(Path file, VggModel modelHint, Preprocessing conventionOverride) {
    RegularFiles.require(file, "weights file");
    WeightFormat format = WeightFormat.detect(file);
    try {
      String sha256 = FileDigest.sha256(file);
      try (TensorFile tf = open(file, format)) {
        return build(tf, sha256, modelHint, conventionOverride);
      }
    } catch (NstException e) {
      throw e;
    } catch (IOException e) {
      throw new NstException(
          "cannot read weights file " + file + " (" + format + "): " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new NstException(
          "weights file " + file + " is corrupt or unsupported (" + format + "): " + e.getMessage(),
          e);
    }
  }

  private static TensorFile open(Path file, WeightFormat format) throws IOException {
    switch (format) {
      case SAFETENSORS:
        return SafetensorsReader.read(file);
      case KERAS_H5:
        return KerasH5Reader.read(file);
      case NUMPY_NPY:
        return NpyReader.read(file);
      case CAFFE_MODEL:
        return CaffeReader.read(file);
      case MATCONVNET_MAT:
        return MatReader.read(file);
      case TF_GRAPHDEF:
        return GraphDefReader.read(file);
      default:
        return TorchPthReader.read(file, format);
    }
  }

  private static VggWeights build(
      TensorFile tf, String sha256, VggModel hint, Preprocessing override) throws IOException {
    List<String> notes = new ArrayList<>();
    LayerMapper.Mapping mapping = LayerMapper.map(tf, hint, notes);
    Preprocessing convention = ConventionDetector.detect(tf, sha256, override, notes);
    List<ConvWeights> convs = new ArrayList<>();
    for (Map.Entry<String, RawTensor[]> e : mapping.convs().entrySet()) {
      String conv = e.getKey();
      RawTensor weight = e.getValue()[0];
      RawTensor bias = e.getValue()[1];
      if (weight == null || bias == null) {
        RawTensor present = weight == null ? bias : weight;
        throw new NstException(
            "weights file "
                + tf.path()
                + " has "
                + present.name()
                + " but no "
                + (weight == null ? "weight" : "bias")
                + " tensor for "
                + conv);
      }
      long[] shape = check(tf, conv, weight, VggShapes.weight(mapping.model(), conv));
      check(tf, conv, bias, VggShapes.bias(mapping.model(), conv));
      convs.add(ConvWeights.adopt(conv, shape, weight.load(), bias.load()));
    }
    Map<String, String> metadata = new LinkedHashMap<>(tf.metadata());
    Map<String, ConvWeights> byName = new LinkedHashMap<>();
    convs.forEach(c -> byName.put(c.layer(), c));
    NormalisedNetwork.decide(tf.path(), byName, convention, metadata, notes);
    return new VggWeights(
        mapping.model(), convention, tf.format(), tf.path(), sha256, metadata, convs, notes);
  }

  private static long[] check(TensorFile tf, String conv, RawTensor t, long[] expected) {
    if (!t.dtype().convertible()) {
      throw new NstException(
          "weights file "
              + tf.path()
              + ": tensor "
              + t.name()
              + " ("
              + conv
              + ") has dtype "
              + t.dtype()
              + ", expected F32 (F16, BF16 and F64 are converted)");
    }
    if (!java.util.Arrays.equals(t.shape(), expected)) {
      throw new NstException(
          "weights file "
              + tf.path()
              + ": tensor "
              + t.name()
              + " ("
              + conv
              + ") has shape "
              + RawTensor.shapeText(t.shape())
              + ", expected "
              + RawTensor.shapeText(expected));
    }
    return expected;
  }
}

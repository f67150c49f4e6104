package dev.neuralstyle.weights.tensor;

import dev.neuralstyle.features.VggModel;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Axis orders of convolution kernels in the formats that do not store PyTorch's OIHW, and the
 * canonical names of a file's convolutions. The loader wants OIHW (out, in, kernel height, kernel
 * width; C order) under {@code convB_C.weight}/{@code .bias}: readers of other layouts wrap their
 * raw loader with {@link #hwioToOihw} and friends, so the permutation runs only for the tensors the
 * loader actually reads.
 */
public final class KernelLayout {
  // axes that turn an HWIO array (TensorFlow, Keras, numpy, MatConvNet) into OIHW
  private static final int[] HWIO_TO_OIHW = {3, 2, 0, 1};

  private static final Pattern CONV = Pattern.compile("conv[1-5]_[1-4]");

  private KernelLayout() {}

  /** {@code shape} with its axes reordered: result[i] = shape[axes[i]]. */
  public static long[] permuted(long[] shape, int[] axes) {
    long[] out = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = shape[axes[i]];
    }
    return out;
  }

  /**
   * The C-order array of {@code src} (C order, shape {@code shape}) with its axes reordered, so
   * that {@code out[i0..ik] = src[j]} where axis {@code axes[d]} of src is indexed by {@code i_d}.
   */
  public static float[] permute(float[] src, long[] shape, int[] axes) {
    int rank = shape.length;
    long[] srcStride = new long[rank];
    long s = 1;
    for (int d = rank - 1; d >= 0; d--) {
      srcStride[d] = s;
      s *= shape[d];
    }
    long[] outShape = permuted(shape, axes);
    long[] stride = new long[rank];
    for (int d = 0; d < rank; d++) {
      stride[d] = srcStride[axes[d]];
    }
    float[] out = new float[src.length];
    long[] index = new long[rank];
    long at = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = src[(int) at];
      for (int d = rank - 1; d >= 0; d--) {
        at += stride[d];
        if (++index[d] < outShape[d]) {
          break;
        }
        at -= stride[d] * outShape[d];
        index[d] = 0;
      }
    }
    return out;
  }

  /**
   * A tensor named {@code name} whose values {@code raw} reads in layout {@code rawShape}; it
   * presents shape {@code permuted(rawShape, axes)} and reorders the values when loaded.
   */
  public static RawTensor permuting(
      String name, long[] rawShape, int[] axes, RawTensor.Loader raw) {
    long[] shape = rawShape.clone();
    return new RawTensor(
        name, DType.F32, permuted(shape, axes), () -> permute(raw.load(), shape, axes));
  }

  /** An HWIO kernel presented as OIHW. */
  public static RawTensor hwioToOihw(String name, long[] hwio, RawTensor.Loader raw) {
    return permuting(name, hwio, HWIO_TO_OIHW, raw);
  }

  /** {@code t} with the order of its input channels (axis 1 of OIHW) reversed: RGB to BGR. */
  public static RawTensor reversedInputChannels(RawTensor t) {
    long[] shape = t.shape();
    return new RawTensor(t.name(), t.dtype(), shape, () -> reverseAxis1(t.load(), shape));
  }

  private static float[] reverseAxis1(float[] v, long[] shape) throws IOException {
    if (shape.length != 4) {
      throw new IOException("cannot reverse the input channels of a " + shape.length + "-D tensor");
    }
    int in = (int) shape[1];
    int plane = (int) (shape[2] * shape[3]);
    float[] out = new float[v.length];
    for (int o = 0; o < shape[0]; o++) {
      for (int i = 0; i < in; i++) {
        System.arraycopy(v, (o * in + i) * plane, out, (o * in + (in - 1 - i)) * plane, plane);
      }
    }
    return out;
  }

  /**
   * The canonical names ({@code conv1_1} …) of a file's convolutions given in forward order: their
   * own names when every one is canonical, otherwise the names of the VGG with that many
   * convolutions (13: VGG-16, 16: VGG-19); {@code null} when neither applies.
   */
  public static List<String> canonicalConvNames(List<String> fileNames) {
    if (fileNames.stream().allMatch(n -> CONV.matcher(n).matches())) {
      return fileNames;
    }
    for (VggModel m : VggModel.values()) {
      if (m.convNames().size() == fileNames.size()) {
        return m.convNames();
      }
    }
    return null;
  }

  /** Whether {@code name} is a canonical convolution name such as {@code conv3_1}. */
  public static boolean isConvName(String name) {
    return CONV.matcher(name).matches();
  }
}

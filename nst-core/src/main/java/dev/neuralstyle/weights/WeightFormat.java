package dev.neuralstyle.weights;

import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The container formats of VGG weight files that {@link WeightsLoader} reads. The format is always
 * recognised from the file's first bytes (WEIGHT-FORMATS section 1), never from its name.
 */
public enum WeightFormat {
  /** safetensors: u64 little-endian header length, then a JSON header, then raw tensors. */
  SAFETENSORS,
  /** PyTorch zip archive, written by {@code torch.save} since PyTorch 1.6. */
  TORCH_ZIP,
  /** PyTorch legacy stream: five pickles followed by the raw storages (PyTorch 0.1.10 to 1.5). */
  TORCH_LEGACY,
  /** PyTorch tar container, written before February 2017. */
  TORCH_TAR,
  /** HDF5 file written by Keras ({@code save_weights}). */
  KERAS_H5,
  /** numpy {@code .npy} holding a pickled dict of layers (machrisaa/tensorflow-vgg). */
  NUMPY_NPY,
  /** Caffe {@code .caffemodel}: a binary NetParameter protobuf (V1 {@code layers} or V2). */
  CAFFE_MODEL,
  /** TensorFlow frozen {@code GraphDef} ({@code .tfmodel}, {@code .pb}). */
  TF_GRAPHDEF,
  /** MATLAB level-5 MAT-file written by MatConvNet ({@code imagenet-vgg-verydeep-19.mat}). */
  MATCONVNET_MAT;

  /** Number of leading bytes {@link #detect(byte[])} looks at. */
  static final int PROBE_BYTES = 2056;

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] LEGACY = {
    (byte) 0x80,
    0x02,
    (byte) 0x8A,
    0x0A,
    0x6C,
    (byte) 0xFC,
    (byte) 0x9C,
    0x46,
    (byte) 0xF9,
    0x20,
    0x6A,
    (byte) 0xA8,
    0x50,
    0x19,
    0x2E
  };
  private static final byte[] HDF5 = {(byte) 0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final byte[] MATLAB = "MATLAB".getBytes(StandardCharsets.US_ASCII);

  /** Whether this is one of the three PyTorch {@code .pth} containers. */
  public boolean isTorch() {
    return this == TORCH_ZIP || this == TORCH_LEGACY || this == TORCH_TAR;
  }

  /**
   * Recognises the format of {@code file} from its first bytes.
   *
   * @throws NstException if the file cannot be read or matches none of the formats
   */
  public static WeightFormat detect(Path file) {
    try (FileChannel ch = RegularFiles.open(file, "weights file")) {
      ByteBuffer buf = ByteBuffer.allocate(PROBE_BYTES);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading until the probe is full or the file ends
      }
      byte[] head = Arrays.copyOf(buf.array(), buf.position());
      WeightFormat format = detect(head);
      if (format == null) {
        throw new NstException(
            "weights file "
                + file
                + " is not a recognised weights format (expected safetensors,"
                + " PyTorch .pth, Keras .h5, numpy .npy, Caffe .caffemodel, TensorFlow"
                + " .tfmodel or MatConvNet .mat); first bytes: "
                + hex(head, 8));
      }
      return format;
    } catch (IOException e) {
      throw new NstException("cannot read weights file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Recognises a format from the first bytes of a file.
   *
   * @return the format, or {@code null} if none matches
   */
  static WeightFormat detect(byte[] head) {
    if (startsWith(head, 0, LEGACY)) {
      return TORCH_LEGACY;
    }
    if (startsWith(head, 0, ZIP)) {
      return TORCH_ZIP;
    }
    if (startsWith(head, 0, NPY)) {
      return NUMPY_NPY;
    }
    if (startsWith(head, 0, MATLAB) && head.length >= 128) {
      // level 5 (and v7.3, whose HDF5 body the MAT reader refuses by name)
      return MATCONVNET_MAT;
    }
    for (int at = 0; at <= 2048; at = at == 0 ? 512 : at * 2) {
      if (startsWith(head, at, HDF5)) {
        return KERAS_H5;
      }
    }
    if (startsWith(head, 257, USTAR)) {
      return TORCH_TAR;
    }
    if (head.length >= 9 && head[8] == '{') {
      // the header length itself is validated by SafetensorsReader, which names the limit
      return SAFETENSORS;
    }
    return ProtobufProbe.detect(head);
  }

  private static boolean startsWith(byte[] head, int at, byte[] magic) {
    if (head.length < at + magic.length) {
      return false;
    }
    return Arrays.equals(head, at, at + magic.length, magic, 0, magic.length);
  }

  static String hex(byte[] bytes, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(max, bytes.length); i++) {
      sb.append(String.format("%02X ", bytes[i] & 0xFF));
    }
    return bytes.length == 0 ? "(empty file)" : sb.toString().trim();
  }
}

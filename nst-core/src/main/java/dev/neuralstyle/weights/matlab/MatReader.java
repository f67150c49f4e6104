package dev.neuralstyle.weights.matlab;

import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.matlab.MatParser.MatException;
import dev.neuralstyle.weights.matlab.MatParser.Tag;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads MatConvNet's {@code imagenet-vgg-verydeep-19.mat} (MAT level 5, WEIGHT-FORMATS section
 * 11d): a 128-byte header, then variables, each usually one zlib-compressed element. Only the
 * variables {@code layers}, {@code meta}, {@code normalization} and {@code net} are parsed; the
 * inflated size of each is the one its inner tag declares, checked against {@link #MAX_INFLATED}
 * and against 1100 times its compressed size (beyond zlib's largest ratio) before inflating, and
 * inflation stops there. {@link MatConvNetLayers} turns the layers into tensors.
 */
public final class MatReader {
  /** Largest element this reader inflates or reads: 2 GiB. */
  static final long MAX_INFLATED = Integer.MAX_VALUE;

  private static final Set<String> WANTED = Set.of("layers", "meta", "normalization", "net");
  private static final int MI_COMPRESSED = 15;

  private MatReader() {}

  /**
   * Parses {@code file}; the convolution kernels are read into memory here (a compressed stream
   * cannot be revisited), fully connected layers are skipped.
   *
   * @throws NstException naming the file, the rule and the value for every malformed input
   */
  public static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.MATCONVNET_MAT, MatReader::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    long size = ch.size();
    ByteBuffer header = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
    while (header.hasRemaining() && ch.read(header, header.position()) > 0) {
      // fill the header
    }
    if (header.position() < 128) {
      throw bad(file, "ends after " + header.position() + " bytes, inside the 128-byte MAT header");
    }
    int version = header.getShort(124) & 0xFFFF;
    char e1 = (char) header.get(126);
    char e2 = (char) header.get(127);
    ByteOrder order;
    if (e1 == 'I' && e2 == 'M' && version == 0x0100) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (e1 == 'M' && e2 == 'I' && version == 0x0001) {
      order = ByteOrder.BIG_ENDIAN;
    } else if (version == 0x0200 || version == 0x0002) {
      throw bad(
          file,
          "is a MAT v7.3 (HDF5) file; re-save it with save(..., '-v7') or use the MatConvNet download");
    } else {
      throw bad(
          file,
          String.format(
              java.util.Locale.ROOT,
              "has MAT version 0x%04X and endian mark 0x%02X%02X (level 5 expected: 'IM' or 'MI')",
              version,
              (int) e1 & 0xFF,
              (int) e2 & 0xFF));
    }
    Map<String, MatValue> vars = new LinkedHashMap<>();
    try {
      ch.position(128);
      MatIn body = new MatIn(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16), order);
      long left = size - 128;
      while (left > 0) {
        MatParser p = new MatParser(body);
        long before = body.position();
        Tag t = p.tag(left);
        if (t.type() == MI_COMPRESSED) {
          inflate(body, t, order, vars);
        } else if (t.type() == MatParser.MI_MATRIX) {
          Map.Entry<String, MatValue> v = p.matrix(t, 0, WANTED, true);
          if (v != null) {
            vars.put(v.getKey(), v.getValue());
          }
        } else {
          body.skip(t.padded());
        }
        left -= body.position() - before;
      }
    } catch (MatException | ArithmeticException e) {
      throw bad(file, "is malformed: " + e.getMessage());
    }
    MatConvNetLayers.collect(file, vars, out);
  }

  private static void inflate(MatIn body, Tag t, ByteOrder order, Map<String, MatValue> vars)
      throws IOException {
    long start = body.position();
    Inflater inflater = new Inflater();
    try {
      InputStream z = new InflaterInputStream(body.limited(t.bytes()), inflater, 1 << 16);
      MatIn in = new MatIn(z, order);
      MatParser p = new MatParser(in);
      Tag inner = p.tag(Long.MAX_VALUE / 4);
      long cap = Math.min(MAX_INFLATED, 1100L * t.bytes() + 64);
      if (inner.bytes() > cap) {
        throw new MatException(
            "compressed element of "
                + t.bytes()
                + " bytes declares "
                + inner.bytes()
                + " inflated bytes (limit "
                + cap
                + ")");
      }
      Map.Entry<String, MatValue> v =
          inner.type() != MatParser.MI_MATRIX ? null : p.matrix(inner, 0, WANTED, false);
      if (v != null) {
        vars.put(v.getKey(), v.getValue());
        if (!in.atEnd()) {
          throw new MatException(
              "compressed variable " + v.getKey() + " inflates past its declared size");
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new MatException(
          "a compressed element is not a valid zlib stream (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
    body.skip(t.bytes() - (body.position() - start)); // compressed elements are not padded
  }

  static NstException bad(Path file, String what) {
    return new NstException("weights file " + file + " (MatConvNet .mat) " + what);
  }
}

package dev.neuralstyle.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Small VGG-shaped weight sets with seeded random values, and a safetensors writer for them. The
 * PyTorch containers are written by {@link TorchFiles}.
 */
public final class TinyWeightFiles {
  /** torchvision {@code features} indices of the first VGG-19 convolutions. */
  private static final int[] INDEX = {0, 2, 5, 7, 10};

  private static final long[][] SHAPE = {
    {64, 3, 3, 3}, {64, 64, 3, 3}, {128, 64, 3, 3}, {128, 128, 3, 3}, {256, 128, 3, 3}
  };

  /** One named float32 tensor in C order. */
  public record Tensor(String name, long[] shape, float[] values) {
    /** Number of elements. */
    public int numel() {
      return values.length;
    }
  }

  private TinyWeightFiles() {}

  /**
   * The first {@code convs} (1..5) convolutions of VGG-19 with their real shapes, named {@code
   * features.N.weight} / {@code .bias}, weight then bias per layer, values from {@code seed}.
   */
  public static List<Tensor> vgg19Convs(int convs, long seed) {
    Random random = new Random(seed);
    List<Tensor> out = new ArrayList<>();
    for (int c = 0; c < convs; c++) {
      long[] shape = SHAPE[c];
      out.add(new Tensor("features." + INDEX[c] + ".weight", shape, random(random, shape)));
      out.add(
          new Tensor(
              "features." + INDEX[c] + ".bias",
              new long[] {shape[0]},
              random(random, new long[] {shape[0]})));
    }
    return out;
  }

  /** A tensor of {@code shape} with Gaussian values (std 0.1) from {@code random}. */
  public static float[] random(Random random, long[] shape) {
    float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextGaussian() * 0.1);
    }
    return v;
  }

  /** Writes {@code tensors} as float32 safetensors with {@code metadata}, in list order. */
  public static Path writeSafetensors(Path file, List<Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      json.append("\"__metadata__\":{")
          .append(
              metadata.entrySet().stream()
                  .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                  .collect(Collectors.joining(",")))
          .append("},");
    }
    long offset = 0;
    for (Tensor t : tensors) {
      long end = offset + 4L * t.numel();
      json.append(quote(t.name()))
          .append(":{\"dtype\":\"F32\",\"shape\":")
          .append(Arrays.toString(t.shape()).replace(" ", ""))
          .append(",\"data_offsets\":[")
          .append(offset)
          .append(",")
          .append(end)
          .append("]},");
      offset = end;
    }
    json.setCharAt(json.length() - 1, '}');
    while (json.length() % 8 != 0) {
      json.append(' ');
    }
    return writeRawSafetensors(file, json.toString(), floatsLe(tensors));
  }

  /** Writes a safetensors file with exactly this header text and data section (for bad files). */
  public static Path writeRawSafetensors(Path file, String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(h.length).put(h).put(data);
    Files.write(file, buf.array());
    return file;
  }

  /** The values of all tensors, back to back as little-endian float32. */
  public static byte[] floatsLe(List<Tensor> tensors) {
    int total = tensors.stream().mapToInt(Tensor::numel).sum();
    ByteBuffer buf = ByteBuffer.allocate(4 * total).order(ByteOrder.LITTLE_ENDIAN);
    for (Tensor t : tensors) {
      for (float f : t.values()) {
        buf.putFloat(f);
      }
    }
    return buf.array();
  }

  /** {@code s} as a JSON string: quotes and backslashes escaped, control characters as \\u00XX. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        q.append('\\').append(ch);
      } else if (ch < 0x20) {
        q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        q.append(ch);
      }
    }
    return q.append('"').toString();
  }
}

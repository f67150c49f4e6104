package dev.neuralstyle.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes F32 tensors to a {@code .safetensors} file: an 8-byte little-endian header length, a JSON
 * header with dtype, shape and data offsets per tensor, then the raw little-endian data.
 */
final class SafetensorsWriter {
  private record Entry(long[] shape, float[] data) {}

  private final Map<String, Entry> tensors = new LinkedHashMap<>();

  /** Adds {@code data} (row-major, {@code shape}) under {@code name}. */
  SafetensorsWriter put(String name, long[] shape, float[] data) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          name + ": shape does not match " + data.length + " values");
    }
    tensors.put(name, new Entry(shape.clone(), data));
    return this;
  }

  /** Writes the file. */
  void write(Path file) throws IOException {
    StringBuilder header = new StringBuilder("{");
    long offset = 0;
    for (Map.Entry<String, Entry> e : tensors.entrySet()) {
      if (header.length() > 1) {
        header.append(',');
      }
      long bytes = 4L * e.getValue().data().length;
      header.append('"').append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[");
      long[] shape = e.getValue().shape();
      for (int i = 0; i < shape.length; i++) {
        header.append(i == 0 ? "" : ",").append(shape[i]);
      }
      header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes);
      header.append("]}");
      offset += bytes;
    }
    header.append('}');
    while (header.length() % 8 != 0) {
      header.append(' ');
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      len.putLong(json.length);
      out.write(len.array());
      out.write(json);
      for (Entry e : tensors.values()) {
        ByteBuffer buf = ByteBuffer.allocate(4 * e.data().length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(e.data());
        out.write(buf.array());
      }
    }
  }
}

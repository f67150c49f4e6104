package dev.neuralstyle.weights.safetensors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neuralstyle.NstException;
import dev.neuralstyle.weights.WeightFormat;
import dev.neuralstyle.weights.tensor.DType;
import dev.neuralstyle.weights.tensor.FileRegions;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads safetensors files (WEIGHT-FORMATS section 8) with the reference reader's validation: header
 * length at most 100,000,000 bytes, valid UTF-8 JSON, no duplicate names, known dtypes, sizes that
 * match the shapes, and tensors that tile the data section without gaps or overlaps.
 */
public final class SafetensorsReader {
  /** Largest accepted JSON header, as in the reference implementation. */
  static final long MAX_HEADER = 100_000_000L;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(
              com.fasterxml.jackson.databind.DeserializationFeature
                  .FAIL_ON_TRAILING_TOKENS); // junk after the header's JSON is an error

  private SafetensorsReader() {}

  /**
   * Parses the header of {@code file}; tensor values are read on demand while the result is open.
   */
  public static TensorFile read(Path file) throws IOException {
    return TensorFile.open(file, WeightFormat.SAFETENSORS, SafetensorsReader::parse);
  }

  private static void parse(Path file, FileChannel ch, TensorFile out) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw bad(file, "is truncated: " + size + " bytes, shorter than the 8-byte header length");
    }
    long n = FileRegions.read(ch, 0, 8).getLong();
    if (n < 0 || n > MAX_HEADER) {
      throw bad(
          file,
          "declares a header of "
              + Long.toUnsignedString(n)
              + " bytes; the limit is "
              + MAX_HEADER);
    }
    if (8 + n > size) {
      throw bad(file, "is truncated: header needs " + (8 + n) + " bytes, file has " + size);
    }
    JsonNode root = parseJson(file, FileRegions.read(ch, 8, n));
    long dataStart = 8 + n;
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("__metadata__")) {
        readMetadata(file, field.getValue(), out);
      } else {
        entries.add(entry(file, field.getKey(), field.getValue()));
      }
    }
    entries.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
    long expected = 0;
    for (Entry e : entries) {
      if (e.begin != expected) {
        throw bad(
            file,
            "tensor "
                + e.name
                + " starts at data offset "
                + e.begin
                + ", expected "
                + expected
                + " (tensors must be contiguous, without gaps or overlaps)");
      }
      expected = e.end;
    }
    if (expected != size - dataStart) {
      throw bad(
          file,
          "data section holds "
              + (size - dataStart)
              + " bytes but the tensors cover "
              + expected
              + (expected > size - dataStart ? " (file truncated)" : ""));
    }
    for (Entry e : entries) {
      long position = dataStart + e.begin;
      long count = RawTensor.numel(e.shape);
      out.add(
          new RawTensor(
              e.name, e.dtype, e.shape, () -> FileRegions.floats(ch, position, e.dtype, count)));
    }
  }

  private static JsonNode parseJson(Path file, ByteBuffer bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes)
              .toString();
    } catch (CharacterCodingException e) {
      throw bad(file, "has a header that is not valid UTF-8");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage().replace('\n', ' ');
      throw bad(file, "has an invalid JSON header: " + msg);
    }
    if (root == null || !root.isObject()) {
      throw bad(file, "has a JSON header that is not an object");
    }
    return root;
  }

  private static void readMetadata(Path file, JsonNode node, TensorFile out) {
    if (!node.isObject()) {
      throw bad(file, "has __metadata__ that is not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (!m.getValue().isTextual()) {
        throw bad(file, "has __metadata__ value " + m.getKey() + " that is not a string");
      }
      out.putMetadata(m.getKey(), m.getValue().asText());
    }
  }

  private static Entry entry(Path file, String name, JsonNode node) {
    JsonNode dtypeNode = node.get("dtype");
    JsonNode shapeNode = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtypeNode == null
        || !dtypeNode.isTextual()
        || shapeNode == null
        || !shapeNode.isArray()
        || offsets == null
        || !offsets.isArray()
        || offsets.size() != 2) {
      throw bad(file, "tensor " + name + " needs dtype, shape and data_offsets [begin, end]");
    }
    DType dtype = DType.fromSafetensors(dtypeNode.asText());
    if (dtype == null) {
      throw bad(file, "tensor " + name + " has unknown dtype " + dtypeNode.asText());
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = nonNegativeLong(file, name, "shape", shapeNode.get(i));
    }
    long begin = nonNegativeLong(file, name, "data_offsets", offsets.get(0));
    long end = nonNegativeLong(file, name, "data_offsets", offsets.get(1));
    long numel = RawTensor.numel(shape);
    long bytes;
    try {
      bytes = numel < 0 ? -1 : Math.multiplyExact(numel, dtype.size());
    } catch (ArithmeticException e) {
      bytes = -1;
    }
    if (bytes < 0 || end < begin || end - begin != bytes) {
      throw bad(
          file,
          "tensor "
              + name
              + " with shape "
              + RawTensor.shapeText(shape)
              + " and dtype "
              + dtype
              + " needs "
              + (bytes < 0 ? "too many" : Long.toString(bytes))
              + " bytes, but data_offsets ["
              + begin
              + ", "
              + end
              + "] span "
              + (end - begin));
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  private static long nonNegativeLong(Path file, String tensor, String field, JsonNode v) {
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
      throw bad(file, "tensor " + tensor + " has an invalid " + field + " value " + v);
    }
    return v.asLong();
  }

  private static NstException bad(Path file, String what) {
    return new NstException("safetensors file " + file + " " + what);
  }

  private static final class Entry {
    final String name;
    final DType dtype;
    final long[] shape;
    final long begin;
    final long end;

    Entry(String name, DType dtype, long[] shape, long begin, long end) {
      this.name = name;
      this.dtype = dtype;
      this.shape = shape;
      this.begin = begin;
      this.end = end;
    }
  }
}

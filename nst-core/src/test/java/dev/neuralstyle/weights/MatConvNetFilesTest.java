package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MatConvNet SimpleNN files written by scipy.io.savemat (make_format_fixtures.py) in both field
 * orders, compressed and not: H x W x in x out kernels without a spatial transpose, conv1_1's RGB
 * input channels reversed to BGR.
 */
class MatConvNetFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"matconvnet-old.mat", "matconvnet-new.mat"})
  void matconvnet_files_load_as_caffe_bgr_oihw(String name) {
    VggWeights w = WeightsLoader.load(Fixtures.file(name), null, null);
    assertEquals(WeightFormat.MATCONVNET_MAT, w.format());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(List.of("conv1_1"), w.layerNames());
    float[] oihw = w.conv("conv1_1").weight();
    for (int o = 0; o < 64; o++) {
      for (int i = 0; i < 3; i++) {
        for (int h = 0; h < 3; h++) {
          for (int x = 0; x < 3; x++) {
            int stored = ((h * 3 + x) * 3 + (2 - i)) * 64 + o; // F[h][x][rgb = 2 - bgr][o]
            assertEquals(Fixtures.value(stored, 0), oihw[((o * 3 + i) * 3 + h) * 3 + x], 0f);
          }
        }
      }
    }
    for (int o = 0; o < 64; o++) {
      assertEquals(Fixtures.value(o, 1), w.conv("conv1_1").bias()[o], 0f);
    }
    String convention = w.metadata().get("input_convention");
    assertTrue(
        convention.contains("RGB 0..255 minus mean (123.680, 116.779, 103.939)"), convention);
    assertTrue(
        w.metadata().get("matconvnet_layout").startsWith(name.contains("old") ? "old" : "new"));
  }

  @Test
  void inflation_beyond_the_declared_bound_is_refused() throws IOException {
    // a 1 KB zlib stream whose inner tag claims 2^31 - 1 bytes
    ByteBuffer inner =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(14).putInt(Integer.MAX_VALUE);
    byte[] z = deflate(inner.array());
    Path f = mat(dir.resolve("bomb.mat"), element(15, z));
    MalformedInputs.assertRefused(f, "declares 2147483647 inflated bytes (limit");
  }

  @Test
  void oversized_elements_v73_and_nesting_bombs_are_refused() throws IOException {
    byte[] big =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(14).putInt(-8).array();
    MalformedInputs.assertRefused(
        mat(dir.resolve("big.mat"), big), "element of 4294967288 bytes, but its parent has");
    byte[] h = header();
    h[124] = 0;
    h[125] = 2;
    MalformedInputs.assertRefused(Files.write(dir.resolve("v73.mat"), h), "MAT v7.3 (HDF5)");
    // cells nested 40 deep: each a 1x1 cell holding the next
    byte[] innermost = new byte[0];
    for (int d = 0; d < 40; d++) {
      innermost = cellOf(innermost, d == 39 ? "layers" : "");
    }
    MalformedInputs.assertRefused(mat(dir.resolve("deep.mat"), innermost), "nested deeper than 32");
  }

  @Test
  void truncated_and_damaged_mat_files_fail_with_one_line() throws IOException {
    MalformedInputs.truncations(Fixtures.file("matconvnet-old.mat"), dir, 25);
    MalformedInputs.truncations(Fixtures.file("matconvnet-new.mat"), dir, 25);
    MalformedInputs.damage(Fixtures.file("matconvnet-new.mat"), dir, 150, 7);
  }

  private static byte[] cellOf(byte[] child, String name) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(sub(6, le(1, 0)));
    body.writeBytes(sub(5, le(1, 1)));
    body.writeBytes(sub(1, name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    body.writeBytes(child.length == 0 ? element(14, new byte[0]) : child);
    return element(14, body.toByteArray());
  }

  private static byte[] le(int a, int b) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(a).putInt(b).array();
  }

  private static byte[] sub(int type, byte[] data) {
    int padded = (data.length + 7) & ~7;
    ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    return b.putInt(type).putInt(data.length).put(data).array();
  }

  private static byte[] element(int type, byte[] data) {
    return sub(type, data);
  }

  private static byte[] deflate(byte[] data) {
    Deflater d = new Deflater();
    d.setInput(data);
    d.finish();
    byte[] out = new byte[1024];
    int n = d.deflate(out);
    d.end();
    return java.util.Arrays.copyOf(out, n);
  }

  private static byte[] header() {
    byte[] h = new byte[128];
    byte[] text =
        "MATLAB 5.0 MAT-file, written by a test"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, h, 0, text.length);
    h[124] = 0;
    h[125] = 1;
    h[126] = 'I';
    h[127] = 'M';
    return h;
  }

  private static Path mat(Path f, byte[] body) throws IOException {
    byte[] h = header();
    byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return Files.write(f, all);
  }
}

package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * machrisaa-style {@code .npy} files written by numpy itself (make_format_fixtures.py): every
 * pickle protocol and string form numpy and Python 2 write, the three dict layouts, and refusals.
 */
class NumpyFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "npy-list.npy",
        "npy-dict01-p2.npy",
        "npy-weights-biases-p4.npy",
        "npy-py2.npy",
        "npy-numpy2.npy"
      })
  void numpy_files_load_hwio_as_oihw(String name) {
    VggWeights w = WeightsLoader.load(Fixtures.file(name), null, null);
    assertEquals(WeightFormat.NUMPY_NPY, w.format());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(VggModel.VGG19, w.model());
    assertHwioValues(w.conv("conv1_1"), 3, 0);
    if (name.equals("npy-list.npy")) {
      assertEquals(List.of("conv1_1", "conv1_2"), w.layerNames());
      assertHwioValues(w.conv("conv1_2"), 64, 2);
    }
    String pickle = w.metadata().get("pickle");
    assertTrue(
        pickle.contains(
            name.contains("numpy2") ? "numpy._core.multiarray" : "numpy.core.multiarray"),
        pickle);
    assertTrue(w.metadata().get("input_convention").startsWith("BGR 0..255"));
  }

  /** OIHW weight[o][i][h][x] must equal the file's HWIO value at ((h*3+x)*in+i)*64+o. */
  static void assertHwioValues(ConvWeights c, int in, int k) {
    float[] oihw = c.weight();
    for (int o = 0; o < 64; o++) {
      for (int i = 0; i < in; i++) {
        for (int h = 0; h < 3; h++) {
          for (int x = 0; x < 3; x++) {
            int hwio = ((h * 3 + x) * in + i) * 64 + o;
            assertEquals(Fixtures.value(hwio, k), oihw[((o * in + i) * 3 + h) * 3 + x], 0f);
          }
        }
      }
    }
    for (int o = 0; o < 64; o++) {
      assertEquals(Fixtures.value(o, k + 1), c.bias()[o], 0f);
    }
  }

  @Test
  void float64_kernels_are_refused() {
    MalformedInputs.assertRefused(Fixtures.file("npy-bad-f8.npy"), "dtype <f8 (only float32 <f4)");
  }

  @Test
  void foreign_globals_are_refused_before_anything_runs() throws IOException {
    Path f =
        npy(
            dir.resolve("evil.npy"),
            ascii("\u0080\u0002cposix\nsystem\nX\u0002\u0000\u0000\u0000idR."));
    MalformedInputs.assertRefused(f, "global posix.system is not allowed");
    f =
        npy(
            dir.resolve("builtins.npy"),
            ascii("\u0080\u0004\u008c\bbuiltins\u008c\u0004eval\u0093."));
    MalformedInputs.assertRefused(f, "global builtins.eval is not allowed");
  }

  @Test
  void huge_lengths_nesting_bombs_and_plain_arrays_are_refused() throws IOException {
    byte[] len63 = ascii("\u0080\u0004\u008e\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080.");
    MalformedInputs.assertRefused(npy(dir.resolve("len.npy"), len63), "length 9223372036854775808");
    MalformedInputs.assertRefused(
        npy(dir.resolve("marks.npy"), ascii("\u0080\u0002" + "(".repeat(5000))), "nested MARKs");
    String deep = "\u0080\u0002" + "]".repeat(200_000) + "a".repeat(199_999) + ".";
    MalformedInputs.assertRefused(
        npy(dir.resolve("deep.npy"), ascii(deep)), "the top object is list of 1");
    byte[] plain = npyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
    Path f = Files.write(dir.resolve("plain.npy"), concat(plain, new byte[12]));
    MalformedInputs.assertRefused(f, "holds a plain array (descr '<f4'");
    Path header =
        Files.write(
            dir.resolve("header.npy"),
            new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 0xFF, (byte) 0xFF});
    MalformedInputs.assertRefused(header, "declares a .npy header of 65535 bytes in a file of 10");
  }

  @Test
  void truncated_and_damaged_numpy_files_fail_with_one_line() throws IOException {
    MalformedInputs.truncations(Fixtures.file("npy-py2.npy"), dir, 25);
    MalformedInputs.damage(Fixtures.file("npy-weights-biases-p4.npy"), dir, 150, 14);
  }

  private static Path npy(Path f, byte[] pickle) throws IOException {
    return Files.write(
        f, concat(npyHeader("{'descr': '|O', 'fortran_order': False, 'shape': (), }"), pickle));
  }

  private static byte[] npyHeader(String dict) {
    StringBuilder h = new StringBuilder(dict);
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(h.length() & 0xFF);
    out.write(h.length() >> 8);
    out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

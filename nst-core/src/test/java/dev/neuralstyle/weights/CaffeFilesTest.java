package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caffe NetParameters serialised by protobuf itself (make_format_fixtures.py): V1 {@code layers}
 * with packed floats and legacy sizes, V2 {@code layer} with unpacked floats and {@code shape}.
 */
class CaffeFilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"caffe-v1.caffemodel", "caffe-v2-unpacked.caffemodel"})
  void caffemodels_load_oihw_exactly(String name) {
    VggWeights w = WeightsLoader.load(Fixtures.file(name), null, null);
    assertEquals(WeightFormat.CAFFE_MODEL, w.format());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(VggModel.VGG19, w.model());
    assertEquals(List.of("conv1_1"), w.layerNames());
    float[] weight = w.conv("conv1_1").weight();
    for (int i = 0; i < weight.length; i++) {
      assertEquals(Fixtures.value(i, 0), weight[i], 0f);
    }
    float[] bias = w.conv("conv1_1").bias();
    for (int i = 0; i < bias.length; i++) {
      assertEquals(Fixtures.value(i, 1), bias[i], 0f);
    }
    String caffe = w.metadata().get("caffe");
    assertTrue(caffe.contains(name.contains("v1") ? "3 V1 layers" : "2 V2 layers"), caffe);
    // The v2 fixture's net is named vgg_normalised, but its made-up weights respond far above 1.
    assertTrue(
        w.metadata().get("network").startsWith("un-normalised VGG"), w.metadata().toString());
    assertEquals(
        !name.contains("v1"), w.notes().stream().anyMatch(n -> n.contains("name says normalised")));
  }

  @Test
  void a_file_named_normalised_is_judged_by_its_activation_scale() throws IOException {
    Path f =
        Files.copy(Fixtures.file("caffe-v1.caffemodel"), dir.resolve("vgg_normalised.caffemodel"));
    VggWeights w = WeightsLoader.load(f, null, null);
    assertFalse(w.isNormalised(), w.metadata().toString());
    assertTrue(w.notes().stream().anyMatch(n -> n.contains("treated as un-normalised")));
  }

  @Test
  void huge_lengths_and_groups_are_refused() throws IOException {
    byte[] huge = {
      0x0A,
      0x03,
      'V',
      'G',
      'G',
      0x12,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0x7F
    };
    MalformedInputs.assertRefused(
        Files.write(dir.resolve("huge.caffemodel"), huge),
        "length 9223372036854775807 runs past the end");
    byte[] group = {0x0A, 0x03, 'V', 'G', 'G', 0x0B};
    MalformedInputs.assertRefused(
        Files.write(dir.resolve("group.caffemodel"), group), "wire type 3");
    byte[] noConv = {0x0A, 0x03, 'V', 'G', 'G'};
    MalformedInputs.assertRefused(
        Files.write(dir.resolve("empty.caffemodel"), noConv), "holds no convolution layers");
  }

  @Test
  void truncated_and_damaged_caffemodels_fail_with_one_line() throws IOException {
    MalformedInputs.truncations(Fixtures.file("caffe-v1.caffemodel"), dir, 25);
    MalformedInputs.damage(Fixtures.file("caffe-v2-unpacked.caffemodel"), dir, 150, 11);
  }
}

package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frozen GraphDefs serialised by protobuf (make_format_fixtures.py): ry/tensorflow-vgg16's graph
 * (x255, RGB split, mean subtraction, BGR concat, Identity reads, tensor_content) and a plain one
 * (float_val kernels, one repeated bias value, an RGB mean vector, so conv1_1 is reversed to BGR).
 */
class GraphDefFilesTest {
  @TempDir Path dir;

  @Test
  void ry_graph_loads_and_reports_its_input_convention() {
    VggWeights w = WeightsLoader.load(Fixtures.file("tf-ry.tfmodel"), null, null);
    assertEquals(WeightFormat.TF_GRAPHDEF, w.format());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(List.of("conv1_1", "conv1_2"), w.layerNames());
    NumpyFilesTest.assertHwioValues(w.conv("conv1_1"), 3, 0);
    NumpyFilesTest.assertHwioValues(w.conv("conv1_2"), 64, 2);
    String c = w.metadata().get("input_convention");
    assertTrue(c.contains("feed RGB 0..1"), c);
    assertTrue(c.contains("the convolutions see BGR 0..255 minus (103.939, 116.779, 123.68)"), c);
    assertTrue(c.startsWith("graph input 'images' -> Mul 255 -> Split -> Sub -> Concat -> "), c);
    assertTrue(w.metadata().get("graph").contains("kernels in tensor_content"));
  }

  @Test
  void plain_graph_with_rgb_mean_reverses_conv1_1() {
    VggWeights w = WeightsLoader.load(Fixtures.file("tf-plain-rgb.tfmodel"), null, null);
    float[] oihw = w.conv("conv1_1").weight();
    for (int o = 0; o < 64; o++) {
      for (int i = 0; i < 3; i++) {
        for (int h = 0; h < 3; h++) {
          for (int x = 0; x < 3; x++) {
            int hwio = ((h * 3 + x) * 3 + (2 - i)) * 64 + o;
            assertEquals(Fixtures.value(hwio, 0), oihw[((o * 3 + i) * 3 + h) * 3 + x], 0f);
          }
        }
      }
    }
    for (float b : w.conv("conv1_1").bias()) {
      assertEquals(Fixtures.value(0, 1), b, 0f); // a single float_val fills the shape
    }
    String c = w.metadata().get("input_convention");
    assertTrue(c.contains("feed 0..255; the convolutions see RGB 0..255 minus (123.68"), c);
    assertTrue(c.contains("conv1_1 reversed to BGR at load"), c);
    assertTrue(w.metadata().get("graph").contains("kernels in float_val"));
  }

  @Test
  void truncated_and_damaged_graphs_fail_with_one_line() throws IOException {
    MalformedInputs.truncations(Fixtures.file("tf-plain-rgb.tfmodel"), dir, 25);
    MalformedInputs.damage(Fixtures.file("tf-plain-rgb.tfmodel"), dir, 150, 3);
    byte[] noConv = {0x0A, 0x0B, 0x0A, 0x01, 'x', 0x12, 0x06, 'C', 'o', 'n', 's', 't', 0x00};
    MalformedInputs.assertRefused(
        Files.write(dir.resolve("none.tfmodel"), java.util.Arrays.copyOf(noConv, 13)),
        "(TensorFlow GraphDef)");
  }
}

package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.testkit.TinyWeightFiles.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-precision tensors widened on load, model detection from indices, and skipping of classifier
 * tensors.
 */
class ConversionAndMappingTest {
  @TempDir Path dir;

  @Test
  void f16_and_bf16_tensors_are_widened_exactly() throws IOException {
    for (String dtype : new String[] {"F16", "BF16"}) {
      float[] w = new float[1728];
      float[] b = new float[64];
      for (int i = 0; i < w.length; i++) {
        w[i] = Fixtures.value(i, 0);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = -Fixtures.value(i, 1) * 1024;
      }
      String h =
          "{\"features.0.weight\":{\"dtype\":\""
              + dtype
              + "\",\"shape\":[64,3,3,3],"
              + "\"data_offsets\":[0,3456]},\"features.0.bias\":{\"dtype\":\""
              + dtype
              + "\","
              + "\"shape\":[64],\"data_offsets\":[3456,3584]}}";
      ByteBuffer data = ByteBuffer.allocate(3584).order(ByteOrder.LITTLE_ENDIAN);
      for (float f : w) {
        data.putShort(dtype.equals("F16") ? half(f) : (short) (Float.floatToIntBits(f) >>> 16));
      }
      for (float f : b) {
        data.putShort(dtype.equals("F16") ? half(f) : (short) (Float.floatToIntBits(f) >>> 16));
      }
      Path file =
          TinyWeightFiles.writeRawSafetensors(dir.resolve(dtype + ".safetensors"), h, data.array());
      VggWeights loaded = WeightsLoader.load(file, null, null);
      assertArrayEquals(w, loaded.conv("conv1_1").weight(), dtype);
      assertArrayEquals(b, loaded.conv("conv1_1").bias(), dtype);
    }
  }

  @Test
  void vgg16_is_detected_from_its_feature_indices_and_a_wrong_hint_is_refused() throws IOException {
    List<Tensor> tensors = new ArrayList<>(TinyWeightFiles.vgg19Convs(1, 3));
    tensors.add(new Tensor("features.17.bias", new long[] {512}, new float[512]));
    tensors.add(
        new Tensor("features.17.weight", new long[] {512, 256, 3, 3}, new float[512 * 256 * 9]));
    Path f = TinyWeightFiles.writeSafetensors(dir.resolve("v16.safetensors"), tensors, Map.of());
    VggWeights w = WeightsLoader.load(f, null, null);
    assertEquals(VggModel.VGG16, w.model());
    assertEquals(List.of("conv1_1", "conv4_1"), w.layerNames());
    NstException e =
        assertThrows(NstException.class, () -> WeightsLoader.load(f, VggModel.VGG19, null));
    assertTrue(
        e.getMessage().contains("holds vgg16 weights, but vgg19 was requested"), e.getMessage());
    NstException missing =
        assertThrows(NstException.class, () -> w.requireLayers(List.of("relu2_1")));
    assertTrue(
        missing.getMessage().contains("has no conv1_2 (needed for relu2_1)"), missing.getMessage());
    assertTrue(missing.getMessage().contains("full VGG-16 file"), missing.getMessage());
  }

  @Test
  void classifier_tensors_are_skipped_without_being_read_or_checked() throws IOException {
    List<Tensor> tensors = new ArrayList<>(TinyWeightFiles.vgg19Convs(1, 5));
    tensors.add(new Tensor("classifier.1.weight", new long[] {3, 2}, new float[6]));
    Path f = TinyWeightFiles.writeSafetensors(dir.resolve("c.safetensors"), tensors, Map.of());
    VggWeights w = WeightsLoader.load(f, null, null);
    assertEquals(2, w.tensorCount());
    // classifier.1 is the Caffe-converted key set
    assertEquals(dev.neuralstyle.features.Preprocessing.CAFFE, w.preprocessing());
  }

  @Test
  void conv_weights_are_defensive_copies() throws IOException {
    Path f =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("d.safetensors"), TinyWeightFiles.vgg19Convs(1, 9), Map.of());
    ConvWeights c = WeightsLoader.load(f, null, null).conv("conv1_1");
    float first = c.weight()[0];
    c.weight()[0] = first + 1;
    assertEquals(first, c.weight()[0]);
    assertEquals(first, c.weightBuffer().get(0));
    assertTrue(c.weightBuffer().isReadOnly());
    assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null).conv("conv5_4"));
  }

  /** float32 to binary16 for values that are exactly representable as normal halves or zero. */
  private static short half(float f) {
    int bits = Float.floatToIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    if ((bits & 0x7FFFFFFF) == 0) {
      return (short) sign;
    }
    int exp = ((bits >>> 23) & 0xFF) - 112;
    return (short) (sign | (exp << 10) | ((bits >>> 13) & 0x3FF));
  }
}

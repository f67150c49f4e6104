package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by real PyTorch ({@code torch.save}) and h5py load with exactly the stored values.
 */
class CommittedFixturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"torch-zip-conv1_1.pth", "torch-legacy-conv1_1.pth"})
  void torch_save_files_load_exactly(String name) {
    VggWeights w = WeightsLoader.load(Fixtures.file(name), null, null);
    assertEquals(
        name.contains("zip") ? WeightFormat.TORCH_ZIP : WeightFormat.TORCH_LEGACY, w.format());
    assertEquals(List.of("conv1_1"), w.layerNames());
    assertEquals(VggModel.VGG19, w.model());
    assertEquals(Preprocessing.TORCHVISION, w.preprocessing());
    assertTrue(
        w.notes().stream().anyMatch(n -> n.contains("assumed torchvision")), w.notes()::toString);
    float[] weight = w.conv("conv1_1").weight();
    assertEquals(1728, weight.length);
    for (int i = 0; i < weight.length; i++) {
      assertEquals(Fixtures.value(i, 0), weight[i], 0f, "weight " + i);
    }
    float[] bias = w.conv("conv1_1").bias();
    for (int i = 0; i < bias.length; i++) {
      assertEquals(Fixtures.value(i, 1), bias[i], 0f, "bias " + i);
    }
    assertEquals(2, w.tensorCount());
    assertEquals(1728 + 64, w.parameterCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"keras1-conv1_1.h5", "keras2-conv1_1.h5"})
  void keras_files_load_with_hwio_to_oihw_transpose(String name) {
    VggWeights w = WeightsLoader.load(Fixtures.file(name), null, null);
    assertEquals(WeightFormat.KERAS_H5, w.format());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(List.of("conv1_1"), w.layerNames());
    ConvWeights c = w.conv("conv1_1");
    float[] oihw = c.weight();
    for (int o = 0; o < 64; o++) {
      for (int i = 0; i < 3; i++) {
        for (int h = 0; h < 3; h++) {
          for (int x = 0; x < 3; x++) {
            int hwio = ((h * 3 + x) * 3 + i) * 64 + o;
            assertEquals(Fixtures.value(hwio, 0), oihw[((o * 3 + i) * 3 + h) * 3 + x], 0f);
          }
        }
      }
    }
    for (int o = 0; o < 64; o++) {
      assertEquals(Fixtures.value(o, 1), c.bias()[o], 0f);
    }
    if (name.startsWith("keras2")) {
      assertEquals("2.2.4", w.metadata().get("keras_version"));
    }
  }
}

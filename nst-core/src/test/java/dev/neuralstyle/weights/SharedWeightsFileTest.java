package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.testkit.SharedFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real partial VGG-19 file of the shared directory (skipped when it is absent). */
class SharedWeightsFileTest {
  @Test
  void real_partial_vgg19_file_loads_with_caffe_convention() {
    Path file = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    VggWeights w = WeightsLoader.load(file, null, null);
    assertEquals(VggModel.VGG19, w.model());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals(WeightFormat.SAFETENSORS, w.format());
    assertEquals(
        List.of(
            "conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv3_4"),
        w.layerNames());
    assertEquals(16, w.tensorCount());
    assertEquals(2_325_568L, w.parameterCount());
    assertEquals("8d37b808af5b52cadf8a7ca5ca3e0d83df9bd59634c92cb6af7f8a097be2b5da", w.sha256());
    assertEquals("BGR", w.metadata().get("input_channel_order"));
    w.requireLayers(List.of("relu1_1", "relu2_1", "relu3_1", "conv3_4", "relu3_4"));
    NstException e =
        assertThrows(NstException.class, () -> w.requireLayers(List.of("relu1_1", "conv4_2")));
    assertTrue(e.getMessage().contains("has no conv4_1 (needed for conv4_2)"), e.getMessage());
    assertTrue(e.getMessage().contains("conv1_1 … conv3_4"), e.getMessage());
    assertTrue(e.getMessage().contains("use a full VGG-19 file"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}

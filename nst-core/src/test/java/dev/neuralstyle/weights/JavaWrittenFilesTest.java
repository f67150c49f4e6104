package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.testkit.TinyWeightFiles.Tensor;
import dev.neuralstyle.testkit.TorchFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every container built by the testkit loads into the same conv layers with identical values. */
class JavaWrittenFilesTest {
  private static final List<Tensor> TENSORS = TinyWeightFiles.vgg19Convs(3, 42);
  private static final List<String> CONVS = List.of("conv1_1", "conv1_2", "conv2_1");

  @TempDir Path dir;

  @Test
  void safetensors_loads_exact_values() throws IOException {
    Path f =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("tiny.safetensors"),
            TENSORS,
            Map.of("preprocessing", "caffe", "architecture", "vgg19"));
    VggWeights w = check(f, WeightFormat.SAFETENSORS);
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertEquals("vgg19", w.metadata().get("architecture"));
  }

  @Test
  void torch_zip_loads_exact_values() throws IOException {
    Path f = TorchFiles.writeZip(dir.resolve("tiny.pth"), TENSORS, "tiny");
    VggWeights w = check(f, WeightFormat.TORCH_ZIP);
    assertEquals("tiny", w.metadata().get("archive_name"));
  }

  @Test
  void torch_legacy_with_rebuild_tensor_v2_loads_exact_values() throws IOException {
    check(
        TorchFiles.writeLegacy(dir.resolve("tiny.pth"), TENSORS, false), WeightFormat.TORCH_LEGACY);
  }

  @Test
  void torch_legacy_with_2017_rebuild_tensor_loads_exact_values() throws IOException {
    check(
        TorchFiles.writeLegacy(dir.resolve("tiny.pth"), TENSORS, true), WeightFormat.TORCH_LEGACY);
  }

  @Test
  void torch_tar_loads_exact_values() throws IOException {
    check(TorchFiles.writeTar(dir.resolve("tiny.pth"), TENSORS), WeightFormat.TORCH_TAR);
  }

  @Test
  void hash_prefix_in_file_name_selects_caffe_convention() throws IOException {
    Path f = TorchFiles.writeZip(dir.resolve("vgg19-d01eb7cb.pth"), TENSORS, "vgg19-d01eb7cb");
    VggWeights w = WeightsLoader.load(f, null, null);
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
    assertTrue(w.notes().toString().contains("d01eb7cb"), w.notes()::toString);
  }

  @Test
  void override_and_hint_are_honoured_when_the_file_is_ambiguous() throws IOException {
    Path f = TorchFiles.writeZip(dir.resolve("tiny.pth"), TENSORS, "tiny");
    VggWeights w = WeightsLoader.load(f, VggModel.VGG16, Preprocessing.CAFFE);
    assertEquals(VggModel.VGG16, w.model());
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
  }

  private static VggWeights check(Path f, WeightFormat format) {
    assertEquals(format, WeightFormat.detect(f));
    VggWeights w = WeightsLoader.load(f, null, null);
    assertEquals(format, w.format());
    assertEquals(VggModel.VGG19, w.model());
    assertEquals(CONVS, w.layerNames());
    assertEquals(6, w.tensorCount());
    assertEquals(TENSORS.stream().mapToLong(Tensor::numel).sum(), w.parameterCount());
    for (int c = 0; c < CONVS.size(); c++) {
      ConvWeights conv = w.conv(CONVS.get(c));
      assertArrayEquals(TENSORS.get(2 * c).shape(), conv.shape());
      assertArrayEquals(TENSORS.get(2 * c).values(), conv.weight(), CONVS.get(c));
      assertArrayEquals(TENSORS.get(2 * c + 1).values(), conv.bias(), CONVS.get(c));
    }
    assertEquals(64, w.sha256().length());
    return w;
  }
}

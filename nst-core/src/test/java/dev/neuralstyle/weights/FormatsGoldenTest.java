package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.testkit.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test: the shared real VGG-19 weights (conv1_1 … conv3_4), converted by
 * make_format_fixtures.py with numpy, scipy and protobuf into .npy, .caffemodel (V1 and V2), .mat
 * and .tfmodel, load with bit-identical parameters and give the safetensors file's activations on
 * the shared 64 px crop to 1e-5. Skips when the shared files or the Python tools are absent.
 */
class FormatsGoldenTest {
  @TempDir Path dir;

  @Test
  void every_format_gives_the_safetensors_activations() throws Exception {
    Path safetensors = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path crop = SharedFiles.assumeModel("testvectors/tubingen_crop64.png");
    convert(safetensors);
    VggWeights reference = WeightsLoader.load(safetensors, null, null);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input =
          ImageTensors.toTensor(manager, ImageFiles.read(crop, 1 << 20), reference.preprocessing());
      Map<String, float[]> expected = activations(manager, reference, input);
      for (String ext : List.of("npy", "caffemodel", "v2.caffemodel", "mat", "tfmodel")) {
        Path file = dir.resolve("vgg19-partial" + (ext.startsWith("v2") ? "-" : ".") + ext);
        VggWeights w = WeightsLoader.load(file, null, null);
        assertEquals(reference.layerNames(), w.layerNames(), ext);
        assertEquals(reference.preprocessing(), w.preprocessing(), ext);
        for (String conv : reference.layerNames()) {
          assertArrayEquals(reference.weight(conv), w.weight(conv), ext + " " + conv);
          assertArrayEquals(reference.bias(conv), w.bias(conv), ext + " " + conv);
        }
        Map<String, float[]> actual = activations(manager, w, input);
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
          float[] a = actual.get(e.getKey());
          double scale = 0;
          double worst = 0;
          for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(e.getValue()[i]));
            worst = Math.max(worst, Math.abs(e.getValue()[i] - a[i]));
          }
          assertTrue(worst <= 1e-5 * scale, ext + " " + e.getKey() + ": " + worst);
        }
      }
    }
  }

  private static Map<String, float[]> activations(NDManager m, VggWeights w, NDArray input) {
    try (VggFeatures f = VggFeatures.create(m, VggModel.VGG19, PoolingMode.MAX, w, "relu3_4")) {
      Map<String, NDArray> maps =
          f.extract(input, List.of("relu1_1", "relu2_1", "relu3_1", "relu3_4"));
      Map<String, float[]> out = new java.util.LinkedHashMap<>();
      maps.forEach((k, v) -> out.put(k, v.toFloatArray()));
      return out;
    }
  }

  private void convert(Path safetensors) throws IOException, InterruptedException {
    FixtureScript.run(dir, "--convert", safetensors.toString(), dir.toString());
  }
}

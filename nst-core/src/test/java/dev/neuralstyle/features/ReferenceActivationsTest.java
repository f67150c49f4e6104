package dev.neuralstyle.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the real VGG-19 weights on the shared 64 px crop reproduce the reference activations
 * and Gram matrices (computed in float64, cross-checked with PyTorch) to 1e-4 of each tensor's
 * largest magnitude.
 */
class ReferenceActivationsTest {
  private static final double RTOL = 1e-4;
  private static NDManager manager;
  private static Map<String, float[]> reference;
  private static NDArray input;
  private static VggWeights weights;

  @BeforeAll
  static void load() throws Exception {
    Path weightsFile = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path refs =
        SharedFiles.assumeModel(
            "testvectors/vgg19-reference-activations-tubingen_crop64.safetensors");
    Path crop = SharedFiles.assumeModel("testvectors/tubingen_crop64.png");
    manager = NDManager.newBaseManager();
    weights = WeightsLoader.load(weightsFile, null, null);
    reference = new HashMap<>();
    for (NDArray a : NDList.decode(manager, Files.readAllBytes(refs))) {
      reference.put(a.getName(), a.toFloatArray());
    }
    BufferedImage image = ImageFiles.read(crop, 1 << 20);
    input = ImageTensors.toTensor(manager, image, weights.preprocessing());
  }

  @AfterAll
  static void close() {
    if (manager != null) {
      manager.close();
    }
  }

  private static void assertClose(String name, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, name + " size");
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(worst <= RTOL * scale, name + ": max error " + worst + " vs scale " + scale);
  }

  @Test
  void caffe_preprocessing_matches_the_reference_input() {
    assertEquals(Preprocessing.CAFFE, weights.preprocessing());
    assertClose("input_bgr_meansub", reference.get("input_bgr_meansub"), input.toFloatArray());
  }

  @Test
  void max_pool_activations_and_grams_match() {
    try (VggFeatures f =
        VggFeatures.create(manager, VggModel.VGG19, PoolingMode.MAX, weights, "relu3_4")) {
      List<String> layers = List.of("relu1_1", "relu2_1", "relu3_1", "relu3_4");
      Map<String, NDArray> maps = f.extract(input, layers);
      assertEquals(layers, List.copyOf(maps.keySet()));
      for (String layer : layers) {
        assertClose(layer, reference.get(layer), maps.get(layer).toFloatArray());
      }
      for (String layer : List.of("relu1_1", "relu2_1", "relu3_1")) {
        assertClose(
            "gram_" + layer,
            reference.get("gram_" + layer),
            GramMatrix.of(maps.get(layer), LossForm.PAPER).toFloatArray());
      }
    }
  }

  @Test
  void average_pool_activations_match() {
    try (VggFeatures f =
        VggFeatures.create(manager, VggModel.VGG19, PoolingMode.AVERAGE, weights, "relu3_4")) {
      Map<String, NDArray> maps = f.extract(input, List.of("relu2_1", "relu3_1", "relu3_4"));
      for (String layer : List.of("relu2_1", "relu3_1", "relu3_4")) {
        assertClose(layer, reference.get(layer + "_avgpool"), maps.get(layer).toFloatArray());
      }
    }
  }
}

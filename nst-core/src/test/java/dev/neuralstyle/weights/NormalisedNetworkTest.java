package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.testkit.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's normalised network is told from the original by its activation scale: the shared real
 * VGG-19 layers, normalised by the paper's procedure (make_format_fixtures.py --normalise: each
 * filter divided by its mean response over photos, the next layer compensating) and written as a
 * .caffemodel with protobuf under a neutral name, are reported as normalised; the original weights
 * are not, even when the file is named vgg_normalised.
 */
class NormalisedNetworkTest {
  @TempDir Path dir;

  @Test
  void a_network_normalised_by_the_papers_procedure_is_detected_from_its_activations()
      throws Exception {
    Path safetensors = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path photos = SharedFiles.dir().orElseThrow().resolve("images/content");
    Assumptions.assumeTrue(Files.isDirectory(photos), "no shared photos");
    Path file = dir.resolve("calibrated.caffemodel");
    String log =
        FixtureScript.run(
            dir,
            "--normalise",
            safetensors.toString(),
            file.toString(),
            "VGG_ILSVRC_19_layers",
            "96",
            photos.resolve("tubingen.jpg").toString(),
            photos.resolve("golden_gate.jpg").toString());
    assertTrue(log.contains("conv3_4 mean response before normalising"), log);
    VggWeights w = WeightsLoader.load(file, null, null);
    assertTrue(w.isNormalised(), w.metadata().toString());
    String network = w.metadata().get("network");
    assertTrue(network.contains("median mean response"), network);
    assertTrue(network.contains("alpha/beta apply unchanged"), network);
    assertFalse(network.contains("name says so"), network);
    assertEquals(Preprocessing.CAFFE, w.preprocessing());
  }

  @Test
  void the_original_network_is_reported_unnormalised_even_under_the_normalised_name()
      throws Exception {
    Path safetensors = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    VggWeights plain = WeightsLoader.load(safetensors, null, null);
    assertFalse(plain.isNormalised());
    assertTrue(plain.metadata().get("network").startsWith("un-normalised VGG"));
    Path renamed = Files.copy(safetensors, dir.resolve("vgg_normalised.safetensors"));
    VggWeights named = WeightsLoader.load(renamed, null, null);
    assertFalse(named.isNormalised());
    assertTrue(
        named.notes().stream().anyMatch(n -> n.contains("the name says normalised")),
        named.notes().toString());
  }

  @Test
  void scale_is_the_median_of_mean_responses_and_scales_with_the_filters() {
    // conv1_1 with one filter per input channel passing it through (x 1) and its negation: half
    // the filters see the probe's centred values, so doubling the weights doubles every median.
    ConvWeights one = passThrough(1f);
    ConvWeights two = passThrough(2f);
    double a = ActivationScale.medians(Map.of("conv1_1", one)).get("relu1_1");
    double b = ActivationScale.medians(Map.of("conv1_1", two)).get("relu1_1");
    assertTrue(a > 1 && a < 255, "median " + a);
    assertEquals(2 * a, b, 1e-4 * b);
    assertEquals(
        List.of("relu1_1"), List.copyOf(ActivationScale.medians(Map.of("conv1_1", one)).keySet()));
  }

  private static ConvWeights passThrough(float gain) {
    int outs = 6;
    float[] w = new float[outs * 3 * 9];
    for (int o = 0; o < outs; o++) {
      w[(o * 3 + o % 3) * 9 + 4] = o < 3 ? gain : -gain;
    }
    return new ConvWeights("conv1_1", new long[] {outs, 3, 3, 3}, w, new float[outs]);
  }
}

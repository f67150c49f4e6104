package dev.neuralstyle.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Paper Fig. 1 top with the shared real VGG-19 (conv1_1 … conv3_4) on a 48 px crop of the Tübingen
 * photo: reconstructions from low layers are nearly exact, from higher ones they lose pixels.
 */
class RealContentReconstructionTest {
  @Test
  void conv1_1_reconstructs_the_photo_far_better_than_conv3_1() {
    Path weightsFile = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path crop = SharedFiles.models().orElseThrow().resolve("testvectors/tubingen_crop64.png");
    Assumptions.assumeTrue(Files.isRegularFile(crop), "tubingen_crop64.png not available");
    VggWeights weights = WeightsLoader.load(weightsFile, null, null);
    FigureSettings settings =
        new FigureSettings(VggModel.VGG19, PoolingMode.AVERAGE, 48, 60, 0, DeviceSpec.cpu());
    FigureResult f =
        new ContentReconstruction(weights, weights.preprocessing(), settings)
            .run(crop, FigureProgress.NONE, () -> false);
    assertEquals(List.of("photo", "conv1_1", "conv2_1", "conv3_1"), f.columnLabels());
    assertEquals(List.of("relu4_1", "relu5_1"), f.omittedLayers());
    assertTrue(
        f.footnote().startsWith("conv4_1, conv5_1 omitted: the weights file stops at conv3_4"),
        f.footnote());
    double[] mse = new double[3];
    for (int i = 0; i < 3; i++) {
      TileRun run = f.runs().get(i);
      mse[i] = FigureImages.mse(run.result().image(), run.result().content());
    }
    assertTrue(mse[0] * 3 < mse[2], "pixel MSE conv1_1 " + mse[0] + " vs conv3_1 " + mse[2]);
  }
}

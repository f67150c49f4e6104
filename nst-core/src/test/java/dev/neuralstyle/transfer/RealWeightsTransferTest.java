package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A real style transfer with the shared VGG-19 weights (conv1_1 … conv3_4) at 96 px. */
class RealWeightsTransferTest {
  @Test
  void style_loss_falls_tenfold_within_100_lbfgs_evaluations_from_the_content() {
    Path weightsFile = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path images = SharedFiles.dir().orElseThrow().resolve("images");
    Path content = images.resolve("content/tubingen.jpg");
    Path style = images.resolve("style/starry_night.jpg");
    Assumptions.assumeTrue(Files.isRegularFile(content) && Files.isRegularFile(style));
    VggWeights weights = WeightsLoader.load(weightsFile, null, null);
    try (StyleTransfer engine = new StyleTransfer(weights, weights.preprocessing())) {
      StyleTransferRequest request =
          StyleTransferRequest.builder()
              .content(content)
              .styles(List.of(style))
              .size(96)
              .contentLayers(List.of("relu3_2"))
              .styleLayers(List.of("relu1_1", "relu2_1", "relu3_1"))
              .init(InitSpec.of(InitMode.CONTENT))
              .iterations(100)
              .build();
      StyleTransferResult r = engine.run(request, ProgressListener.NONE, () -> false);
      double first = r.steps().get(0).style();
      double last = r.steps().get(r.steps().size() - 1).style();
      assertTrue(last * 10 <= first, "style loss " + first + " -> " + last);
      assertTrue(r.evaluations() <= 100, "evaluations " + r.evaluations());
    }
  }
}

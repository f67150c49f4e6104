package dev.neuralstyle.bench;

import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.testkit.SharedFiles;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints median seconds per loss-and-gradient evaluation with the shared real weights and every
 * layer they hold. Not a timed test: run with {@code mvn -pl nst-core -am test -Pall-tests
 * -Dtest=EvaluationBenchmark -Dbench.sizes=256,512}.
 */
@Tag("slow")
class EvaluationBenchmark {
  @Test
  void seconds_per_evaluation() {
    Path weightsFile = SharedFiles.assumeModel("vgg19-imagenet-conv1_1-conv3_4.safetensors");
    Path images = SharedFiles.dir().orElseThrow().resolve("images");
    VggWeights weights = WeightsLoader.load(weightsFile, null, null);
    String sizes = System.getProperty("bench.sizes", "256,512");
    int evals = Integer.getInteger("bench.evaluations", 12);
    try (StyleTransfer engine = new StyleTransfer(weights, weights.preprocessing())) {
      for (String s : sizes.split(",")) {
        int size = Integer.parseInt(s.trim());
        StyleTransferRequest request =
            StyleTransferRequest.builder()
                .content(images.resolve("content/tubingen.jpg"))
                .styles(List.of(images.resolve("style/starry_night.jpg")))
                .size(size)
                .contentLayers(List.of("relu3_4"))
                .styleLayers(
                    List.of(
                        "relu1_1", "relu1_2", "relu2_1", "relu2_2", "relu3_1", "relu3_2", "relu3_3",
                        "relu3_4"))
                .optimizer(dev.neuralstyle.optimize.OptimizerKind.ADAM)
                .init(InitSpec.of(InitMode.CONTENT))
                .iterations(evals)
                .build();
        List<Double> times = new ArrayList<>();
        double[] last = {0};
        engine.run(
            request,
            e -> {
              if (e instanceof StepCompleted sc) {
                times.add(sc.elapsedSeconds() - last[0]);
                last[0] = sc.elapsedSeconds();
              }
            },
            () -> false);
        List<Double> counted = new ArrayList<>(times.subList(2, times.size()));
        Collections.sort(counted);
        System.out.printf(
            "size %d: median %.3f s/evaluation (min %.3f, max %.3f, %d counted)%n",
            size,
            counted.get(counted.size() / 2),
            counted.get(0),
            counted.get(counted.size() - 1),
            counted.size());
      }
    }
  }
}

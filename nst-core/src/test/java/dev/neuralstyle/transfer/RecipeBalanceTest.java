package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balance of the default recipe on a full-depth (seeded) VGG-19, where the paper's layers stay
 * the default: each term's share of the first evaluation's loss does not depend on the image size,
 * and the weighted terms that the progress line, plot and record show add up to the total.
 */
class RecipeBalanceTest {
  private static StyleTransfer engine;
  @TempDir static Path dir;
  private static Path content;
  private static Path style;

  @BeforeAll
  static void setUp() throws Exception {
    engine =
        new StyleTransfer(new SeededVggWeights(VggModel.VGG19, "conv5_1", 5), Preprocessing.CAFFE);
    content = TestImages.ramp(dir, "content.png", 192, 144);
    style = TestImages.stripes(dir, "style.png", 192, 192, 24);
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  /** The defaults (the paper's layers) from noise, one evaluation at {@code size}. */
  private static StyleTransferRequestBuilder defaults(int size) {
    return StyleTransferRequest.builder()
        .content(content)
        .styles(List.of(style))
        .size(size)
        .scales(List.of(size))
        .init(InitSpec.of(InitMode.NOISE))
        .iterations(1);
  }

  private static double[] firstShares(StyleTransferRequest r) {
    StepRecord s = engine.run(r, ProgressListener.NONE, () -> false).steps().get(0);
    assertEquals(s.total(), s.content() + s.style() + s.tv(), 1e-4 * s.total());
    return new double[] {s.content() / s.total(), s.style() / s.total(), s.tv() / s.total()};
  }

  @Test
  void the_default_layers_on_full_weights_are_the_papers() {
    StyleTransferRequest r = defaults(64).build();
    assertEquals(List.of("relu4_2"), r.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), r.styleLayers());
    assertEquals(LossForm.NORMALIZED, r.lossForm());
  }

  @Test
  void doubling_the_size_keeps_each_terms_share_of_the_first_loss_within_ten_percent() {
    double[] small = firstShares(defaults(48).build());
    double[] large = firstShares(defaults(96).build());
    int compared = 0;
    for (int i = 0; i < 3; i++) {
      if (small[i] > 0.01) {
        assertEquals(small[i], large[i], 0.1 * small[i], "term " + i + " share");
        compared++;
      } else { // from noise the content term is tiny: it stays tiny
        assertTrue(large[i] < 0.02, "term " + i + " share " + small[i] + " -> " + large[i]);
      }
    }
    assertTrue(compared >= 2, "style and total variation both weigh at the first evaluation");
  }

  @Test
  void the_sum_form_total_variation_of_the_mean_form_does_not_keep_its_share() {
    // The check above can fail: jcjohnson's form (means, but total variation summed over pixels)
    // weighs the total variation about four times more at twice the size.
    double[] small =
        firstShares(defaults(48).lossForm(LossForm.MEAN).tvWeight(1e-3).styleWeight(500).build());
    double[] large =
        firstShares(defaults(96).lossForm(LossForm.MEAN).tvWeight(1e-3).styleWeight(500).build());
    double oddsSmall = small[2] / (1 - small[2]);
    double oddsLarge = large[2] / (1 - large[2]);
    assertTrue(oddsLarge > 1.5 * oddsSmall, small[2] + " -> " + large[2]);
  }
}

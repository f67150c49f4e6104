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

  /** The weighted terms (content, style, tv) of the first evaluation, checked to add up. */
  private static double[] firstTerms(StyleTransferRequest r) {
    StepRecord s = engine.run(r, ProgressListener.NONE, () -> false).steps().get(0);
    assertEquals(s.total(), s.content() + s.style() + s.tv(), 1e-4 * s.total());
    return new double[] {s.content(), s.style(), s.tv()};
  }

  /**
   * How much term {@code i}'s share changes from {@code small} to {@code large}, against term
   * {@code j}: (t_i / t_j at the large size) / (t_i / t_j at the small size). The shares keep
   * within 10% when this stays within 10% of 1 for every pair of terms.
   */
  private static double shareChange(double[] small, double[] large, int i, int j) {
    return (large[i] / large[j]) / (small[i] / small[j]);
  }

  @Test
  void the_default_layers_on_full_weights_are_the_papers() {
    StyleTransferRequest r = defaults(64).build();
    assertEquals(List.of("relu4_2"), r.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), r.styleLayers());
    assertEquals(LossForm.PHOTO, r.lossForm());
  }

  @Test
  void doubling_the_size_keeps_each_terms_share_of_the_first_loss_within_ten_percent() {
    keepsShares(LossForm.NORMALIZED);
  }

  @Test
  void the_joint_form_keeps_each_terms_share_too() {
    keepsShares(LossForm.JOINT);
  }

  @Test
  void the_photo_form_keeps_each_terms_share_too() {
    keepsShares(LossForm.PHOTO);
  }

  private static void keepsShares(LossForm form) {
    double[] small = firstTerms(defaults(48).lossForm(form).build());
    double[] large = firstTerms(defaults(96).lossForm(form).build());
    double totalSmall = small[0] + small[1] + small[2];
    double totalLarge = large[0] + large[1] + large[2];
    for (int i = 0; i < 3; i++) {
      double a = small[i] / totalSmall;
      double b = large[i] / totalLarge;
      // a share of the loss, within 10% of itself (or of the whole loss for shares under 1%)
      assertEquals(a, b, 0.1 * Math.max(a, 0.01), form + ": share of term " + i);
    }
  }

  @Test
  void the_sum_form_total_variation_of_the_mean_form_does_not_keep_its_share() {
    // The check above can fail: jcjohnson's form (means, but total variation summed over pixels)
    // weighs the total variation about four times more, against style, at twice the size.
    double[] small =
        firstTerms(defaults(48).lossForm(LossForm.MEAN).tvWeight(1e-3).styleWeight(500).build());
    double[] large =
        firstTerms(defaults(96).lossForm(LossForm.MEAN).tvWeight(1e-3).styleWeight(500).build());
    assertTrue(shareChange(small, large, 2, 1) > 1.5, small[2] + " -> " + large[2]);
  }
}

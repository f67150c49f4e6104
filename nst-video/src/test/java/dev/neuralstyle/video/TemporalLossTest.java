package dev.neuralstyle.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.RgbPixels;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.transfer.ColorPreservation;
import dev.neuralstyle.transfer.StageContext;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The temporal term's units: what γ multiplies, per loss form and input convention. */
class TemporalLossTest {
  private static final int GAP = 51; // levels between the image and the warped previous result

  private static BufferedImage grey(int w, int h, int level) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, level << 16 | level << 8 | level);
      }
    }
    return image;
  }

  /** The term of a frame w x h whose mask is 1 on the first {@code covered} pixels. */
  private static double term(
      LossForm form, Preprocessing convention, int w, int h, int covered, double gamma) {
    float[] mask = new float[w * h];
    Arrays.fill(mask, 0, covered, 1f);
    TemporalLoss loss =
        new TemporalLoss(
            gamma, List.of(new TemporalLoss.Target(RgbPixels.of(grey(w, h, 100)), mask)), form);
    try (NDManager manager = NDManager.newBaseManager()) {
      StageContext stage = new StageContext(manager, convention, w, h, ColorPreservation.NONE);
      return loss.forStage(stage).compute(stage.toInput(grey(w, h, 100 + GAP))).getFloat();
    }
  }

  @Test
  void relative_forms_take_the_mean_over_masked_pixels_in_unit_pixels_at_any_size() {
    double expected = 10 * Math.pow(GAP / 255.0, 2); // γ = 10 times 0.2^2
    for (LossForm form : List.of(LossForm.NORMALIZED, LossForm.JOINT)) {
      for (Preprocessing convention : Preprocessing.values()) {
        assertEquals(expected, term(form, convention, 16, 12, 16 * 12, 10), 1e-4 * expected);
        assertEquals(expected, term(form, convention, 48, 36, 48 * 36, 10), 1e-4 * expected);
        assertEquals(expected, term(form, convention, 48, 36, 100, 10), 1e-4 * expected);
      }
    }
  }

  @Test
  void paper_and_mean_forms_keep_eight_bit_levels_over_all_values() {
    for (LossForm form : List.of(LossForm.PAPER, LossForm.MEAN)) {
      for (Preprocessing convention : Preprocessing.values()) {
        double full = 2.0 * GAP * GAP; // γ = 2 times 51^2
        assertEquals(full, term(form, convention, 16, 12, 16 * 12, 2), 1e-4 * full);
        double quarter = full / 4; // eq. 7 divides by all D values, masked or not
        assertEquals(quarter, term(form, convention, 16, 12, 48, 2), 1e-4 * quarter);
      }
    }
  }

  @Test
  void an_empty_mask_gives_zero() {
    assertEquals(0, term(LossForm.NORMALIZED, Preprocessing.CAFFE, 16, 12, 0, 10), 0);
  }
}

package dev.neuralstyle.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.image.RgbPixels;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.transfer.ExtraLoss;
import dev.neuralstyle.transfer.StageContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporal consistency loss of Ruder, Dosovitskiy and Brox (2016), arXiv 1604.08610: eq. (7),
 * short-term, {@code L_temporal(x, ω, c) = (1/D) Σ_k c_k (x_k − ω_k)²} with {@code D = W × H × C},
 * {@code ω} the previous frame's result warped into this frame and {@code c} the {@link
 * ConsistencyMask}; and eq. (8), long-term, the sum of that term over several earlier frames with
 * the masks of {@link ConsistencyMask#longTerm}. The total loss of eq. (9) adds {@code γ} times it
 * to the content and style losses.
 *
 * <p>Units follow the run's {@link LossForm}, whatever the weights' input convention. Under {@link
 * LossForm#PAPER} and {@link LossForm#MEAN} differences are in 8-bit pixel levels and divided by
 * {@code D}, as in Ruder et al.'s Caffe-convention code. Under the relative forms ({@link
 * LossForm#NORMALIZED}, {@link LossForm#JOINT}, {@link LossForm#PHOTO}), whose content and style
 * terms are of order 1, the term is the mean over the masked pixels and channels of {@code (x −
 * ω)²} with pixels in 0..1: {@code Σ_k c_k (x_k − ω_k)² / Σ_k c_k}, so that γ means the same at any
 * size and any mask coverage.
 */
public final class TemporalLoss implements ExtraLoss {
  /**
   * One earlier frame's contribution.
   *
   * @param warped the earlier frame's result warped into this frame, at the frame size
   * @param mask its weight per pixel, row-major at the frame size
   */
  public record Target(RgbPixels warped, float[] mask) {}

  private final double weight;
  private final List<Target> targets;
  private final boolean relative;

  /**
   * The weighted term.
   *
   * @param weight γ
   * @param targets one per earlier frame, all of one size
   * @param form the run's loss form, which sets the units (see the class comment)
   */
  public TemporalLoss(double weight, List<Target> targets, LossForm form) {
    this.weight = weight;
    this.targets = List.copyOf(targets);
    this.relative = form.relative();
  }

  @Override
  public Term forStage(StageContext stage) {
    int w = stage.width();
    int h = stage.height();
    int plane = w * h;
    float[] levels = stage.levelsPerUnit();
    List<float[]> masks = new ArrayList<>();
    double covered = 0;
    for (Target t : targets) {
      float[] mask = resizeNearest(t.mask(), t.warped().width(), t.warped().height(), w, h);
      for (float m : mask) {
        covered += m;
      }
      masks.add(mask);
    }
    // Differs from Ruder et al. (2016), eq. 7, under the relative loss forms: 0..1 pixel units and
    // the mean over the masked pixels instead of 8-bit levels over all D = W x H x C values, so
    // that γ weighs the term against content and style terms of order 1 alike at every frame size.
    double perElement = relative ? weight / (3.0 * Math.max(covered, 1)) : weight / (3.0 * plane);
    double levelsPerMeasured = relative ? 255 : 1;
    List<NDArray> goals = new ArrayList<>();
    List<NDArray> weights = new ArrayList<>();
    for (int k = 0; k < targets.size(); k++) {
      Target t = targets.get(k);
      float[] mask = masks.get(k);
      float[] c = new float[3 * plane];
      for (int ch = 0; ch < 3; ch++) {
        double measuredPerInput = levels[ch] / levelsPerMeasured;
        float f = (float) (perElement * measuredPerInput * measuredPerInput);
        for (int i = 0; i < plane; i++) {
          c[ch * plane + i] = f * mask[i];
        }
      }
      // Created from Java data: owned by the stage's manager, alive for every evaluation.
      weights.add(stage.manager().create(c, new Shape(1, 3, h, w)));
      goals.add(stage.toInput(t.warped().toImage()));
    }
    return image -> {
      NDArray sum = null;
      for (int k = 0; k < goals.size(); k++) {
        NDArray term = image.sub(goals.get(k)).square().mul(weights.get(k)).sum();
        sum = sum == null ? term : sum.add(term);
      }
      return sum;
    };
  }

  private static float[] resizeNearest(float[] mask, int w, int h, int tw, int th) {
    if (w == tw && h == th) {
      return mask;
    }
    float[] out = new float[tw * th];
    for (int y = 0; y < th; y++) {
      int sy = Math.min(h - 1, (int) ((y + 0.5) * h / th));
      for (int x = 0; x < tw; x++) {
        int sx = Math.min(w - 1, (int) ((x + 0.5) * w / tw));
        out[y * tw + x] = mask[sy * w + sx];
      }
    }
    return out;
  }
}

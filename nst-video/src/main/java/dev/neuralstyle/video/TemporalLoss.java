package dev.neuralstyle.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.image.RgbPixels;
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
 * to the content and style losses. Differences are measured in 8-bit pixel levels whatever the
 * weights' input convention (as in Ruder et al.'s Caffe-convention code).
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

  /**
   * The weighted term.
   *
   * @param weight γ
   * @param targets one per earlier frame, all of one size
   */
  public TemporalLoss(double weight, List<Target> targets) {
    this.weight = weight;
    this.targets = List.copyOf(targets);
  }

  @Override
  public Term forStage(StageContext stage) {
    int w = stage.width();
    int h = stage.height();
    int plane = w * h;
    float[] levels = stage.levelsPerUnit();
    double perElement = weight / (3.0 * plane); // γ / D
    List<NDArray> goals = new ArrayList<>();
    List<NDArray> weights = new ArrayList<>();
    for (Target t : targets) {
      float[] mask = resizeNearest(t.mask(), t.warped().width(), t.warped().height(), w, h);
      float[] c = new float[3 * plane];
      for (int ch = 0; ch < 3; ch++) {
        float f = (float) (perElement * levels[ch] * levels[ch]);
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

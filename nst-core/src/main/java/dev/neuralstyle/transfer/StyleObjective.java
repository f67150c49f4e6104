package dev.neuralstyle.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.loss.ContentLoss;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.Scalars;
import dev.neuralstyle.loss.StyleLoss;
import dev.neuralstyle.loss.TotalVariationLoss;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.Evaluation;
import dev.neuralstyle.optimize.Objective;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The total loss of Gatys et al. (2015), eq. 7, plus total variation: {@code L = alpha L_content +
 * beta L_style + gamma L_tv}. In adaptive mode (the Hvass notebook) each term is first divided by
 * its own current value + 1e-10, recomputed every evaluation, so the weights act as relative
 * shares.
 *
 * <p>With {@link LossForm#NORMALIZED} each content layer's loss is divided by mean P^2 and each
 * style layer's (and region's) error by mean A^2 of its target, constants of the stage; with {@link
 * LossForm#JOINT} all style errors by one constant, sum_l w_l mean A_l^2 ({@link #styleDivisors});
 * the total variation is the mean form in 0..1 pixel units ({@link
 * TotalVariationLoss#computeMean}).
 *
 * <p>For a seamless output (the {@code seamless} setting) the features are those of the image tiled
 * periodically (circular padding), so the Gram matrices are over the wrapped image, and the total
 * variation includes the wrap-around neighbours.
 */
final class StyleObjective implements Objective {
  /** The Hvass notebook's guard against division by zero in adaptive mode. */
  static final double ADAPTIVE_EPSILON = 1e-10;

  private final FeatureNetwork features;
  private final StyleTargets targets;
  private final LossForm form;
  private final TvForm tvForm;
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final boolean adaptive;
  private final double pixelUnit;
  private final Map<String, Double> contentNorms = new HashMap<>();
  private final IdentityHashMap<RegionTarget, Double> styleNorms = new IdentityHashMap<>();
  private final boolean seamless;
  private final Set<String> layers = new LinkedHashSet<>();
  private ExtraLoss.Term extra;

  StyleObjective(
      FeatureNetwork features,
      StyleTargets targets,
      LossForm form,
      TvForm tvForm,
      double alpha,
      double beta,
      double gamma,
      boolean adaptive,
      double pixelUnit,
      boolean seamless) {
    this.seamless = seamless;
    this.features = features;
    this.targets = targets;
    this.form = form;
    this.tvForm = tvForm;
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.adaptive = adaptive;
    this.pixelUnit = pixelUnit;
    for (Map.Entry<String, NDArray> e : targets.content().entrySet()) {
      contentNorms.put(e.getKey(), form.relative() ? meanSquare(e.getValue()) : 1.0);
    }
    styleNorms.putAll(styleDivisors(targets, form));
    layers.addAll(targets.content().keySet());
    layers.addAll(targets.style().keySet());
  }

  /** Adds {@code term} (already weighted; may be null) to the total; returns this objective. */
  StyleObjective withExtra(ExtraLoss.Term term) {
    this.extra = term;
    return this;
  }

  @Override
  public Evaluation evaluate(NDArray x, NDManager scratch) {
    NDArray leaf = x.duplicate(); // a fresh leaf: its gradient starts at zero
    leaf.attach(scratch);
    leaf.setRequiresGradient(true);
    double content;
    double style;
    double tv;
    double total;
    double[] terms = new double[3];
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      Map<String, NDArray> maps =
          layers.isEmpty() ? Map.of() : features.extract(leaf, layers, seamless);
      NDArray contentLoss = null;
      for (Map.Entry<String, NDArray> e : targets.content().entrySet()) {
        NDArray term =
            Scalars.dividedBy(
                ContentLoss.compute(maps.get(e.getKey()), e.getValue(), form),
                contentNorms.get(e.getKey()));
        contentLoss = contentLoss == null ? term : contentLoss.add(term);
      }
      NDArray styleLoss = null;
      for (Map.Entry<String, List<RegionTarget>> e : targets.style().entrySet()) {
        NDArray f = maps.get(e.getKey());
        float w = targets.styleLayerWeights().get(e.getKey()).floatValue();
        for (RegionTarget region : e.getValue()) {
          NDArray error =
              region.mask() == null
                  ? StyleLoss.layerError(f, region.gram(), form)
                  : StyleLoss.guidedLayerError(
                      f, region.mask(), region.positions(), region.gram(), form);
          NDArray term = Scalars.times(error, w / styleNorms.get(region));
          styleLoss = styleLoss == null ? term : styleLoss.add(term);
        }
      }
      NDArray tvLoss = gamma > 0 ? totalVariation(leaf, form, tvForm, pixelUnit, seamless) : null;
      content = contentLoss == null ? 0 : contentLoss.getFloat();
      style = styleLoss == null ? 0 : styleLoss.getFloat();
      tv = tvLoss == null ? 0 : tvLoss.getFloat();
      NDArray objective = null;
      objective = addTerm(objective, contentLoss, alpha, content, terms, 0);
      objective = addTerm(objective, styleLoss, beta, style, terms, 1);
      objective = addTerm(objective, tvLoss, gamma, tv, terms, 2);
      if (extra != null) {
        NDArray extraLoss = extra.compute(leaf);
        objective = objective == null ? extraLoss : objective.add(extraLoss);
      }
      if (objective == null) {
        objective = Scalars.times(leaf.sum(), 0);
      }
      total = objective.getFloat();
      collector.backward(objective);
    }
    // The terms as they enter the total (summed in double: they add up to it up to float rounding).
    LossBreakdown b =
        new LossBreakdown(
            terms[0], terms[1], terms[2], total, new LossBreakdown.Raw(content, style, tv));
    return new Evaluation(total, leaf.getGradient(), b);
  }

  /**
   * The divisor of each style region's error, constants of the stage: 1 for the paper and mean
   * forms; mean A^2 of the region's own target for {@link LossForm#NORMALIZED}; and for {@link
   * LossForm#JOINT} one divisor for all, sum_l w_l mean A_l^2 (a layer's mean A^2 averaged over its
   * regions), so that sum_l w_l E_l / sum_l w_l mean A_l^2 keeps eq. 5's weighting of the layers by
   * their magnitudes; for {@link LossForm#PHOTO} the same with the photo's own Gram energy, sum_l
   * w_l mean G(P)_l^2 (joint's without a photo). StyleObjective and TiledObjective both take their
   * divisors from here.
   */
  static IdentityHashMap<RegionTarget, Double> styleDivisors(StyleTargets targets, LossForm form) {
    IdentityHashMap<RegionTarget, Double> divisors = new IdentityHashMap<>();
    double joint = 0;
    for (Map.Entry<String, List<RegionTarget>> e : targets.style().entrySet()) {
      double layerMean = 0;
      for (RegionTarget region : e.getValue()) {
        double m = form.relative() ? meanSquare(region.gram()) : 1.0;
        divisors.put(region, m);
        layerMean += m / e.getValue().size();
      }
      joint += targets.styleLayerWeights().get(e.getKey()) * layerMean;
    }
    if (form == LossForm.PHOTO && !targets.photoGramEnergy().isEmpty()) {
      joint = 0;
      for (Map.Entry<String, Double> e : targets.photoGramEnergy().entrySet()) {
        joint += targets.styleLayerWeights().get(e.getKey()) * e.getValue();
      }
    }
    if (form == LossForm.JOINT || form == LossForm.PHOTO) {
      // Differs from Gatys et al. (2015), eq. 5: the weighted sum is divided by one constant, of
      // the targets (joint) or of the photo (photo; joint without a photo).
      double divisor = Math.max(joint, 1e-12);
      divisors.replaceAll((region, m) -> divisor);
    }
    return divisors;
  }

  /**
   * mean(t^2) of a fixed target, the divisor of its normalised term; a tiny floor keeps an all-zero
   * target (a black photo) finite.
   */
  static double meanSquare(NDArray t) {
    try (NDArray sq = t.square();
        NDArray mean = sq.mean()) {
      return Math.max(mean.getFloat(), 1e-12);
    }
  }

  /**
   * The total variation term of {@code form}: the size-independent mean in {@code pixelUnit}s for
   * {@link LossForm#NORMALIZED} and {@link LossForm#JOINT}, else the sum; around the wrap-around
   * edges too when {@code seamless}.
   */
  static NDArray totalVariation(
      NDArray image, LossForm form, TvForm tvForm, double pixelUnit, boolean seamless) {
    if (form.relative()) {
      return seamless
          ? TotalVariationLoss.wrappedMean(image, tvForm, pixelUnit)
          : TotalVariationLoss.computeMean(image, tvForm, pixelUnit);
    }
    return seamless
        ? TotalVariationLoss.wrapped(image, tvForm)
        : TotalVariationLoss.compute(image, tvForm);
  }

  private NDArray addTerm(
      NDArray sum, NDArray term, double weight, double value, double[] terms, int index) {
    if (term == null || weight == 0) {
      return sum;
    }
    double scale = adaptive ? weight / (value + ADAPTIVE_EPSILON) : weight;
    terms[index] = scale * value;
    NDArray weighted = Scalars.times(term, scale);
    return sum == null ? weighted : sum.add(weighted);
  }
}

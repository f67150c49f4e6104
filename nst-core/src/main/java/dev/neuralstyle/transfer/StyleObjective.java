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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The total loss of Gatys et al. (2015), eq. 7, plus total variation: {@code L = alpha L_content +
 * beta L_style + gamma L_tv}. In adaptive mode (the Hvass notebook) each term is first divided by
 * its own current value + 1e-10, recomputed every evaluation, so the weights act as relative
 * shares. For a seamless output ({@code --seamless}) the features are those of the image tiled
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
  private final boolean seamless;
  private final Set<String> layers = new LinkedHashSet<>();

  StyleObjective(
      FeatureNetwork features,
      StyleTargets targets,
      LossForm form,
      TvForm tvForm,
      double alpha,
      double beta,
      double gamma,
      boolean adaptive,
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
    layers.addAll(targets.content().keySet());
    layers.addAll(targets.style().keySet());
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
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      Map<String, NDArray> maps =
          layers.isEmpty() ? Map.of() : features.extract(leaf, layers, seamless);
      NDArray contentLoss = null;
      for (Map.Entry<String, NDArray> e : targets.content().entrySet()) {
        NDArray term = ContentLoss.compute(maps.get(e.getKey()), e.getValue(), form);
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
          NDArray term = Scalars.times(error, w);
          styleLoss = styleLoss == null ? term : styleLoss.add(term);
        }
      }
      NDArray tvLoss = gamma > 0 ? tv(leaf) : null;
      content = contentLoss == null ? 0 : contentLoss.getFloat();
      style = styleLoss == null ? 0 : styleLoss.getFloat();
      tv = tvLoss == null ? 0 : tvLoss.getFloat();
      NDArray objective = null;
      objective = addTerm(objective, contentLoss, alpha, content);
      objective = addTerm(objective, styleLoss, beta, style);
      objective = addTerm(objective, tvLoss, gamma, tv);
      if (objective == null) {
        objective = Scalars.times(leaf.sum(), 0);
      }
      total = objective.getFloat();
      collector.backward(objective);
    }
    return new Evaluation(total, leaf.getGradient(), new LossBreakdown(content, style, tv, total));
  }

  /** Total variation, around the wrap-around edges too for a seamless output. */
  private NDArray tv(NDArray image) {
    return seamless
        ? TotalVariationLoss.wrapped(image, tvForm)
        : TotalVariationLoss.compute(image, tvForm);
  }

  private NDArray addTerm(NDArray sum, NDArray term, double weight, double value) {
    if (term == null || weight == 0) {
      return sum;
    }
    double scale = adaptive ? weight / (value + ADAPTIVE_EPSILON) : weight;
    NDArray weighted = Scalars.times(term, scale);
    return sum == null ? weighted : sum.add(weighted);
  }
}

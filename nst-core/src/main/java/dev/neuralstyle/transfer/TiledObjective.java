package dev.neuralstyle.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.loss.ContentLoss;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.Scalars;
import dev.neuralstyle.loss.StyleLoss;
import dev.neuralstyle.optimize.Evaluation;
import dev.neuralstyle.optimize.Objective;
import dev.neuralstyle.transfer.TileGrid.Tile;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The loss of {@link StyleObjective} and its gradient, computed tile by tile so that the memory of
 * the VGG passes is bounded by the tile, not the image (for print-size stages).
 *
 * <p>Each evaluation lays a {@link TileGrid} over the image, offset randomly (seeded), and makes
 * two passes. The first, without gradients, sums each style layer's Gram matrix G over the tiles'
 * cores (G is a sum over positions, so the sum over a partition of the positions is the whole
 * image's G) and the content loss over the cores. The style loss E(G) and its gradient dE/dG, a
 * small N x N matrix per layer, follow from the whole image's G. The second pass differentiates,
 * per tile, {@code sum_l <dE/dG_l, G_l(tile)> + alpha L_content(tile)}: by the chain rule its
 * gradient with respect to the tile's pixels is the tile's share of the whole loss's gradient, and
 * the shares add up (windows overlap in their halos). Total variation is cheap and computed on the
 * whole image. The content target is the whole image's, sliced per tile.
 *
 * <p>Windows reach the receptive-field radius of the deepest layer past their cores, so every core
 * feature equals the whole image's: the loss and gradient are the untiled ones up to float
 * rounding, whatever the offset, and no seam can form. The random offset costs nothing and moves
 * the tile borders every evaluation as the issue asks; it would matter only with smaller halos. The
 * cost is one forward pass per tile more than untiled, plus the halos.
 *
 * <p>Spatial control (masks) is not supported here; {@link TilePlan} keeps such stages whole.
 */
final class TiledObjective implements Objective {
  private final FeatureNetwork features;
  private final StyleTargets targets;
  private final StyleTransferRequest request;
  private final TilePlan plan;
  private final int align;
  private final Map<String, Integer> strides = new LinkedHashMap<>();
  private final Set<String> layers = new LinkedHashSet<>();
  private final Map<String, RegionTarget> styleTargets = new LinkedHashMap<>();
  private final SplittableRandom random;
  private final double pixelUnit;
  private final Map<String, Double> contentNorms = new LinkedHashMap<>();
  private final Map<String, Double> styleNorms = new LinkedHashMap<>();

  TiledObjective(
      FeatureNetwork features,
      StyleTargets targets,
      StyleTransferRequest request,
      TilePlan plan,
      double pixelUnit) {
    this.pixelUnit = pixelUnit;
    this.features = features;
    this.targets = targets;
    this.request = request;
    this.plan = plan;
    this.align = plan.align();
    this.random = new SplittableRandom(request.seed());
    targets
        .style()
        .forEach(
            (layer, regions) -> {
              if (!regions.isEmpty()) {
                styleTargets.put(
                    layer, regions.get(0)); // one region: TilePlan keeps masked stages whole
              }
            });
    // The relative forms' constants, as in StyleObjective: mean P^2, and the style divisors.
    boolean relative = request.lossForm().relative();
    targets
        .content()
        .forEach(
            (layer, t) -> contentNorms.put(layer, relative ? StyleObjective.meanSquare(t) : 1.0));
    IdentityHashMap<RegionTarget, Double> divisors =
        StyleObjective.styleDivisors(targets, request.lossForm());
    styleTargets.forEach((layer, t) -> styleNorms.put(layer, divisors.get(t)));
    layers.addAll(targets.content().keySet());
    layers.addAll(styleTargets.keySet());
    for (String layer : layers) {
      strides.put(layer, TilePlan.stride(features.model().layerNames(), layer));
    }
  }

  @Override
  public Evaluation evaluate(NDArray x, NDManager scratch) {
    Shape shape = x.getShape();
    int h = (int) shape.get(2);
    int w = (int) shape.get(3);
    float[] image = x.toFloatArray();
    boolean wrap = request.seamless();
    TileGrid grid = TileGrid.of(w, h, plan.tile(), plan.halo(), align, random, wrap);
    double alpha = request.contentWeight();
    boolean adaptive = request.adaptiveWeights();
    // Pass 1: the whole image's Gram matrices and content loss, tile by tile, no gradients.
    Map<String, NDArray> grams = new LinkedHashMap<>();
    Map<String, Long> positions = new LinkedHashMap<>();
    double content = 0;
    boolean firstPass = !styleTargets.isEmpty() || adaptive;
    // The first pass stops at the deepest style layer: a deeper content layer's loss is summed in
    // the second pass, unless adaptive weights need it before (pass 1 then goes all the way).
    Set<String> firstLayers = adaptive ? layers : styleTargets.keySet();
    boolean contentInFirst = adaptive;
    for (Tile tile : firstPass ? grid.tiles() : List.<Tile>of()) {
      try (NDManager t = scratch.newSubManager()) {
        Map<String, NDArray> maps = features.extract(window(t, image, w, h, tile), firstLayers);
        for (String layer : styleTargets.keySet()) {
          NDArray f = core(maps.get(layer), tile, layer);
          NDArray g = GramMatrix.of(f, LossForm.PAPER);
          positions.merge(layer, GramMatrix.positions(f), Long::sum);
          NDArray sum = grams.get(layer);
          if (sum == null) {
            g.attach(scratch);
            grams.put(layer, g);
          } else {
            sum.addi(g);
          }
        }
        for (String layer : contentInFirst ? targets.content().keySet() : Set.<String>of()) {
          content += contentTerm(maps.get(layer), tile, layer).getFloat();
        }
      }
    }
    // The style loss from the whole G, and dE/dG by autograd on the small matrices.
    double style = 0;
    Map<String, NDArray> styleGradients = new LinkedHashMap<>();
    if (!grams.isEmpty()) {
      Map<String, NDArray> leaves = new LinkedHashMap<>();
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray styleLoss = null;
        for (Map.Entry<String, RegionTarget> e : styleTargets.entrySet()) {
          NDArray g = grams.get(e.getKey()).duplicate();
          g.setRequiresGradient(true);
          leaves.put(e.getKey(), g);
          double weight = targets.styleLayerWeights().get(e.getKey());
          NDArray error =
              StyleLoss.gramError(
                  g, positions.get(e.getKey()), e.getValue().gram(), request.lossForm());
          NDArray term = Scalars.times(error, weight / styleNorms.get(e.getKey()));
          styleLoss = styleLoss == null ? term : styleLoss.add(term);
        }
        style = styleLoss.getFloat();
        collector.backward(Scalars.times(styleLoss, scale(request.styleWeight(), style)));
      }
      // 2 dE/dG: the gradient of <M, G> with respect to F^T (positions x channels) is 2 F^T M.
      leaves.forEach((layer, g) -> styleGradients.put(layer, g.getGradient().mul(2f)));
    }
    // Total variation on the whole image (image-sized, cheap); its gradient starts the sum.
    double tv = 0;
    float[] gradient = new float[image.length];
    if (request.tvWeight() > 0) {
      NDArray leaf = x.duplicate();
      leaf.attach(scratch);
      leaf.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray tvLoss =
            StyleObjective.totalVariation(
                leaf, request.lossForm(), request.tvForm(), pixelUnit, wrap);
        tv = tvLoss.getFloat();
        collector.backward(Scalars.times(tvLoss, scale(request.tvWeight(), tv)));
      }
      gradient = leaf.getGradient().toFloatArray();
    }
    // Pass 2: each tile's share of the gradient.
    double contentScale = contentInFirst ? scale(alpha, content) : alpha;
    boolean contentCounted = contentInFirst;
    for (Tile tile : grid.tiles()) {
      try (NDManager t = scratch.newSubManager()) {
        NDArray leaf = window(t, image, w, h, tile).duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          Map<String, NDArray> maps = features.extract(leaf, layers);
          NDArray surrogate = Scalars.times(leaf.sum(), 0);
          for (Map.Entry<String, NDArray> e : styleGradients.entrySet()) {
            surrogate =
                surrogate.add(
                    gramSurrogate(core(maps.get(e.getKey()), tile, e.getKey()), e.getValue()));
          }
          for (String layer : targets.content().keySet()) {
            NDArray term = contentTerm(maps.get(layer), tile, layer);
            if (!contentCounted) {
              content += term.getFloat();
            }
            if (alpha > 0) {
              surrogate = surrogate.add(Scalars.times(term, contentScale));
            }
          }
          collector.backward(surrogate);
        }
        scatterAdd(gradient, leaf.getGradient().toFloatArray(), w, h, tile);
      }
    }
    double weightedContent = scale(alpha, content) * content;
    double weightedStyle = scale(request.styleWeight(), style) * style;
    double weightedTv = scale(request.tvWeight(), tv) * tv;
    double total = weightedContent + weightedStyle + weightedTv;
    NDArray g = scratch.create(gradient, shape);
    return new Evaluation(
        total,
        g,
        new LossBreakdown(
            weightedContent,
            weightedStyle,
            weightedTv,
            total,
            new LossBreakdown.Raw(content, style, tv)));
  }

  /**
   * A scalar whose gradient with respect to {@code f} (1, N, H, W) is that of {@code <M, G(f)>} for
   * the symmetric {@code M} given as {@code twiceM} = 2M: with X = F^T (positions x channels), d<M,
   * X^T X>/dX = 2 X M, so {@code sum(X * stop(X 2M))} has that gradient with one matrix product
   * (the Gram matrix and its backward would take two). Its value is not the term's (twice it); only
   * the gradient is used.
   */
  private static NDArray gramSurrogate(NDArray f, NDArray twiceM) {
    Shape shape = f.getShape();
    NDArray x = f.transpose(0, 2, 3, 1).reshape(shape.get(2) * shape.get(3), shape.get(1));
    NDArray fixed = x.stopGradient().matMul(twiceM);
    return x.mul(fixed).sum();
  }

  /** A term's weight: as given, or in adaptive mode divided by its value (the Hvass notebook). */
  private double scale(double weight, double value) {
    return request.adaptiveWeights() ? weight / (value + StyleObjective.ADAPTIVE_EPSILON) : weight;
  }

  /**
   * The content loss over the tile's core, as its share of the whole image's: the paper's form is a
   * sum over positions, the mean form is weighted by the core's share of the positions.
   */
  private NDArray contentTerm(NDArray windowMap, Tile tile, String layer) {
    NDArray f = core(windowMap, tile, layer);
    NDArray full = targets.content().get(layer);
    int s = strides.get(layer);
    Shape fs = f.getShape();
    NDArray target =
        WrappedSlices.slice(full, tile.y() / s, (int) fs.get(2), tile.x() / s, (int) fs.get(3));
    NDArray loss =
        Scalars.dividedBy(
            ContentLoss.compute(f, target, request.lossForm()), contentNorms.get(layer));
    return request.lossForm() != LossForm.PAPER
        ? Scalars.times(loss, (double) fs.size() / full.getShape().size())
        : loss;
  }

  /** The core positions of a layer computed over the tile's window. */
  private NDArray core(NDArray windowMap, Tile tile, String layer) {
    int s = strides.get(layer);
    Shape ms = windowMap.getShape();
    int x0 = tile.padLeft() / s;
    int y0 = tile.padTop() / s;
    int x1 = tile.padRight() == 0 ? (int) ms.get(3) : (tile.padLeft() + tile.width()) / s;
    int y1 = tile.padBottom() == 0 ? (int) ms.get(2) : (tile.padTop() + tile.height()) / s;
    return windowMap.get(":, :, {}:{}, {}:{}", y0, y1, x0, x1);
  }

  /** The tile's window of the image (1, 3, H, W), wrapping around or clipped as the grid says. */
  private static NDArray window(NDManager m, float[] image, int w, int h, Tile tile) {
    int ww = tile.windowWidth();
    int wh = tile.windowHeight();
    float[] out = new float[3 * ww * wh];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < wh; y++) {
        int sy = Math.floorMod(tile.y() - tile.padTop() + y, h);
        int from = c * h * w + sy * w;
        int to = (c * wh + y) * ww;
        for (int x = 0; x < ww; x++) {
          out[to + x] = image[from + Math.floorMod(tile.x() - tile.padLeft() + x, w)];
        }
      }
    }
    return m.create(out, new Shape(1, 3, wh, ww));
  }

  /** Adds a window's gradient to the image's at the pixels the window was cut from. */
  private static void scatterAdd(float[] gradient, float[] window, int w, int h, Tile tile) {
    int ww = tile.windowWidth();
    int wh = tile.windowHeight();
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < wh; y++) {
        int sy = Math.floorMod(tile.y() - tile.padTop() + y, h);
        int to = c * h * w + sy * w;
        int from = (c * wh + y) * ww;
        for (int x = 0; x < ww; x++) {
          gradient[to + Math.floorMod(tile.x() - tile.padLeft() + x, w)] += window[from + x];
        }
      }
    }
  }
}

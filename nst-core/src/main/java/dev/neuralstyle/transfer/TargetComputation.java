package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.weights.FileDigest;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a run's fixed targets once, outside any gradient collection: the content responses P
 * and, per style layer and region, the blended Gram matrix A. Targets are per-position averages
 * over the style images, so styles of any size (and regions of any area) give comparable targets.
 */
final class TargetComputation {
  private static final Shape POOL = new Shape(2, 2);
  private static final Shape NO_PAD = new Shape(0, 0);

  private TargetComputation() {}

  /**
   * Targets for the stage's images (already in the colour space the network sees).
   *
   * @param content the content image, or null for a run without content (output {@code width x
   *     height})
   */
  static StyleTargets compute(
      NDManager owner,
      FeatureNetwork features,
      Preprocessing convention,
      StyleTransferRequest request,
      BufferedImage content,
      List<BufferedImage> styles,
      BufferedImage contentMask,
      List<BufferedImage> styleMasks,
      int width,
      int height) {
    return compute(
        owner,
        features,
        TransferCaches.none(),
        convention,
        request,
        content,
        styles,
        contentMask,
        styleMasks,
        width,
        height);
  }

  /** As above, taking whole-image style Gram matrices from {@code caches} when it has them. */
  static StyleTargets compute(
      NDManager owner,
      FeatureNetwork features,
      TransferCaches caches,
      Preprocessing convention,
      StyleTransferRequest request,
      BufferedImage content,
      List<BufferedImage> styles,
      BufferedImage contentMask,
      List<BufferedImage> styleMasks,
      int width,
      int height) {
    List<Integer> palette =
        contentMask == null ? null : RegionMasks.palette(contentMask, request.contentMask());
    int regions = palette == null ? 1 : palette.size();
    Map<String, NDArray> contentTargets = new LinkedHashMap<>();
    Map<String, NDArray[]> outputMasks = new LinkedHashMap<>();
    Map<String, double[]> outputCounts = new LinkedHashMap<>();
    Map<String, Double> photoEnergy = new LinkedHashMap<>();
    try (NDManager scratch = owner.newSubManager()) {
      // Without content, a blank image of the output size gives each style layer's M_l.
      NDArray c =
          content != null
              ? ImageTensors.toTensor(scratch, content, convention)
              : scratch.zeros(new Shape(1, 3, height, width));
      List<String> all = new ArrayList<>(request.contentLayers());
      all.addAll(request.styleLayers());
      // A tiled stage keeps whole maps of the content layers only; of the style layers it needs
      // just the number of positions (no masks in a tiled stage).
      TiledFeatures.Pass tiled =
          features instanceof TiledFeatures t && palette == null
              ? t.pass(c, request.contentLayers(), request.styleLayers())
              : null;
      Map<String, NDArray> maps =
          tiled != null ? tiled.maps() : all.isEmpty() ? Map.of() : features.extract(c, all);
      for (String layer : request.contentLayers()) {
        contentTargets.put(layer, keep(maps.get(layer).duplicate(), owner));
      }
      if (content != null && request.lossForm() == LossForm.PHOTO) {
        for (String layer : request.styleLayers()) {
          photoEnergy.put(layer, photoGramEnergy(maps, tiled, layer));
        }
      }
      float[][] planes = palette == null ? null : RegionMasks.planes(contentMask, palette);
      for (String layer : request.styleLayers()) {
        NDArray[] masks = new NDArray[regions];
        double[] counts = new double[regions];
        for (int r = 0; r < regions; r++) {
          if (tiled != null) {
            counts[r] = tiled.positions().get(layer);
          } else if (planes == null) {
            counts[r] = GramMatrix.positions(maps.get(layer));
          } else {
            masks[r] = keep(maskAt(owner, planes[r], contentMask, features, layer), owner);
            counts[r] = masks[r].sum().getFloat();
          }
        }
        outputMasks.put(layer, masks);
        outputCounts.put(layer, counts);
      }
    }
    Map<String, NDArray[]> sums = new LinkedHashMap<>();
    Map<String, double[]> blendSums = new LinkedHashMap<>();
    double[] blend = request.normalizedStyleBlend();
    for (int s = 0; s < styles.size() && !request.styleLayers().isEmpty(); s++) {
      BufferedImage style = styles.get(s);
      float[][] planes =
          styleMasks.isEmpty() ? null : RegionMasks.planes(styleMasks.get(s), palette);
      try (NDManager scratch = owner.newSubManager()) {
        // Without style masks each image's targets depend on its pixels alone: kept in caches.
        Map<String, NDArray> grams =
            planes != null
                ? null
                : caches.styleGrams(
                    scratch,
                    styleKey(request, features, convention, style),
                    request.styleLayers(),
                    () -> {
                      NDArray image = ImageTensors.toTensor(scratch, style, convention);
                      if (features instanceof TiledFeatures t) {
                        // Summed over tiles: a print-size style image's maps are never whole.
                        TiledFeatures.Pass p = t.pass(image, List.of(), request.styleLayers());
                        Map<String, NDArray> perPosition = new LinkedHashMap<>();
                        p.grams()
                            .forEach(
                                (layer, g) ->
                                    perPosition.put(
                                        layer, g.div((float) (long) p.positions().get(layer))));
                        return perPosition;
                      }
                      return wholeImageGrams(features.extract(image, request.styleLayers()));
                    });
        Map<String, NDArray> maps =
            planes == null
                ? null
                : features.extract(
                    ImageTensors.toTensor(scratch, style, convention), request.styleLayers());
        for (String layer : request.styleLayers()) {
          NDArray f = maps == null ? null : maps.get(layer);
          NDArray[] sum = sums.computeIfAbsent(layer, k -> new NDArray[regions]);
          double[] weight = blendSums.computeIfAbsent(layer, k -> new double[regions]);
          for (int r = 0; r < regions; r++) {
            NDArray perPosition;
            if (planes == null) {
              perPosition = grams.get(layer);
            } else {
              NDArray mask = maskAt(scratch, planes[r], style, features, layer);
              double count = mask.sum().getFloat();
              if (count <= 0) {
                continue; // this style image has no part of region r
              }
              perPosition = GramMatrix.guided(f, mask, count, LossForm.PAPER).div((float) count);
            }
            NDArray weighted = perPosition.mul((float) blend[s]);
            if (sum[r] == null) {
              sum[r] = keep(weighted, owner);
            } else {
              sum[r].addi(weighted);
            }
            weight[r] += blend[s];
          }
        }
      }
    }
    Map<String, List<RegionTarget>> styleTargets = new LinkedHashMap<>();
    for (String layer : request.styleLayers()) {
      List<RegionTarget> targets = new ArrayList<>();
      for (int r = 0; r < regions; r++) {
        NDArray sum = sums.get(layer)[r];
        double count = outputCounts.get(layer)[r];
        if (sum == null || count <= 0) {
          continue; // no style covers this region, or it vanished at this depth: content only
        }
        sum.divi((float) blendSums.get(layer)[r]);
        if (request.lossForm() == LossForm.PAPER) {
          // Differs from Gatys et al. (2015), who use equal-sized images: A is rescaled to the
          // output's number of positions M_l so that eq. 4 compares like with like.
          sum.muli((float) count);
        } else {
          sum.divi((float) sum.getShape().get(0));
        }
        targets.add(new RegionTarget(outputMasks.get(layer)[r], count, sum));
      }
      styleTargets.put(layer, targets);
    }
    Map<String, Double> layerWeights = new LinkedHashMap<>();
    double[] w = request.effectiveStyleLayerWeights();
    for (int i = 0; i < w.length; i++) {
      layerWeights.put(request.styleLayers().get(i), w[i]);
    }
    return new StyleTargets(contentTargets, styleTargets, layerWeights, photoEnergy);
  }

  /**
   * mean G(P)^2 of the photo's per-position Gram matrix at {@code layer}, normalised as the style
   * targets of the mean forms are (G / (M N)): the divisor of {@link LossForm#PHOTO}. A tiled stage
   * sums the Gram matrix over its tiles.
   */
  private static double photoGramEnergy(
      Map<String, NDArray> maps, TiledFeatures.Pass tiled, String layer) {
    NDArray perPosition =
        tiled != null
            ? tiled.grams().get(layer).div((float) (long) tiled.positions().get(layer))
            : GramMatrix.of(maps.get(layer), LossForm.PAPER)
                .div((float) GramMatrix.positions(maps.get(layer)));
    NDArray gram = perPosition.div((float) perPosition.getShape().get(0));
    return StyleObjective.meanSquare(gram);
  }

  /** Per layer, the per-position Gram matrix G / M of a whole style image's feature maps. */
  private static Map<String, NDArray> wholeImageGrams(Map<String, NDArray> maps) {
    Map<String, NDArray> grams = new LinkedHashMap<>();
    maps.forEach(
        (layer, f) ->
            grams.put(
                layer, GramMatrix.of(f, LossForm.PAPER).div((float) GramMatrix.positions(f))));
    return grams;
  }

  /**
   * What a style image's Gram matrices depend on: the network, the input convention, the pixels.
   */
  private static String styleKey(
      StyleTransferRequest request,
      FeatureNetwork features,
      Preprocessing convention,
      BufferedImage style) {
    int w = style.getWidth();
    int h = style.getHeight();
    int[] argb = style.getRGB(0, 0, w, h, null, 0, w);
    ByteBuffer bytes = ByteBuffer.allocate(argb.length * 4);
    bytes.asIntBuffer().put(argb);
    return features.model()
        + "|"
        + features.pooling()
        + "|"
        + request.precision()
        + "|"
        + request.device().describe()
        + "|"
        + convention
        + "|"
        + w
        + "x"
        + h
        + "|"
        + FileDigest.sha256(bytes.array());
  }

  /**
   * A region plane at a layer's resolution: 2x2 average pooling as often as the network pools
   * before that layer (Gatys et al. 2017 propagate guidance channels the same way).
   */
  private static NDArray maskAt(
      NDManager manager,
      float[] plane,
      BufferedImage image,
      FeatureNetwork features,
      String layer) {
    NDArray mask = manager.create(plane, new Shape(1, 1, image.getHeight(), image.getWidth()));
    List<String> names = features.model().layerNames();
    for (String name : names.subList(0, features.model().indexOf(layer))) {
      if (name.startsWith("pool")) {
        mask = Pool.avgPool2d(mask, POOL, POOL, NO_PAD, false, true);
      }
    }
    return mask;
  }

  private static NDArray keep(NDArray array, NDManager owner) {
    array.attach(owner);
    return array;
  }
}

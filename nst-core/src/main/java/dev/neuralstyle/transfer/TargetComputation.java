package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossForm;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a run's fixed targets once, outside any gradient collection. */
final class TargetComputation {
  private TargetComputation() {}

  /**
   * Content responses of {@code content} and the blended style Gram matrices of {@code styles}.
   * Targets are attached to {@code owner}; intermediates are released.
   *
   * @param content the content image, or null for a run without content (output {@code width x
   *     height})
   */
  static StyleTargets compute(
      NDManager owner,
      VggFeatures features,
      Preprocessing convention,
      StyleTransferRequest request,
      BufferedImage content,
      List<BufferedImage> styles,
      int width,
      int height) {
    Map<String, NDArray> contentTargets = new LinkedHashMap<>();
    Map<String, Long> outputPositions = new LinkedHashMap<>();
    try (NDManager scratch = owner.newSubManager()) {
      // Without content, a blank image of the output size gives each style layer's M_l.
      NDArray c =
          content != null
              ? ImageTensors.toTensor(scratch, content, convention)
              : scratch.zeros(new Shape(1, 3, height, width));
      List<String> all = new java.util.ArrayList<>(request.contentLayers());
      all.addAll(request.styleLayers());
      Map<String, NDArray> maps = all.isEmpty() ? Map.of() : features.extract(c, all);
      for (String layer : request.contentLayers()) {
        NDArray p = maps.get(layer).duplicate();
        p.attach(owner);
        contentTargets.put(layer, p);
      }
      for (String layer : request.styleLayers()) {
        outputPositions.put(layer, GramMatrix.positions(maps.get(layer)));
      }
    }
    Map<String, NDArray> grams = new LinkedHashMap<>();
    Map<String, Double> layerWeights = new LinkedHashMap<>();
    double[] w = request.effectiveStyleLayerWeights();
    for (int i = 0; i < w.length; i++) {
      layerWeights.put(request.styleLayers().get(i), w[i]);
    }
    double[] blend = request.normalizedStyleBlend();
    for (int s = 0; s < styles.size() && !request.styleLayers().isEmpty(); s++) {
      try (NDManager scratch = owner.newSubManager()) {
        NDArray x = ImageTensors.toTensor(scratch, styles.get(s), convention);
        Map<String, NDArray> maps = features.extract(x, request.styleLayers());
        for (String layer : request.styleLayers()) {
          NDArray f = maps.get(layer);
          // Per-position Gram, G / M_style, so style images of any size give comparable targets.
          NDArray perPosition = GramMatrix.of(f, LossForm.PAPER).div((float) GramMatrix.positions(f));
          NDArray target;
          if (request.lossForm() == LossForm.PAPER) {
            // Differs from Gatys et al. (2015), who use equal-sized images: A is rescaled to the
            // output's number of positions M_l so that eq. 4 compares like with like.
            target = perPosition.mul((float) (double) outputPositions.get(layer));
          } else {
            target = perPosition.div((float) f.getShape().get(1));
          }
          target = target.mul((float) blend[s]);
          NDArray previous = grams.get(layer);
          if (previous == null) {
            target.attach(owner);
            grams.put(layer, target);
          } else {
            previous.addi(target);
          }
        }
      }
    }
    return new StyleTargets(contentTargets, grams, layerWeights);
  }
}

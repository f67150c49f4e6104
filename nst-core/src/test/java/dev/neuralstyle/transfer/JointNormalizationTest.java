package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.LossForm;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LossForm#JOINT} on a seeded full-depth VGG-19 (the paper's five style layers): one divisor
 * for all style layers, so that each layer's share of the style weight follows its target's
 * magnitude (eq. 5's weighting), where {@link LossForm#NORMALIZED} gives every layer its w_l.
 */
class JointNormalizationTest {
  private static final List<String> STYLE =
      List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

  private static final int W = 64;
  private static final int H = 48;

  @TempDir Path dir;

  /** The request both tests share: ramp photo, stripes painting, the paper's five style layers. */
  private StyleTransferRequestBuilder request() {
    return StyleTransferRequest.builder()
        .content(dir.resolve("c.png"))
        .styles(List.of(dir.resolve("s.png")))
        .contentLayers(List.of("relu4_2"))
        .styleLayers(STYLE);
  }

  private static FeatureNetwork seededVgg(NDManager m) {
    return VggFeatures.create(
        m,
        VggModel.VGG19,
        PoolingMode.AVERAGE,
        new SeededVggWeights(VggModel.VGG19, "conv5_1", 5),
        "relu5_1");
  }

  /** Layer to its share of the style term at equal relative errors: w_l mean A_l^2 / divisor_l. */
  private Map<String, Double> shares(LossForm form) throws Exception {
    BufferedImage content =
        ImageFiles.read(TestImages.ramp(dir, "c.png", W, H), "content", 1 << 20);
    BufferedImage style =
        ImageFiles.read(TestImages.stripes(dir, "s.png", 48, 48, 6), "style", 1 << 20);
    StyleTransferRequest request = request().lossForm(form).build();
    try (NDManager m = NDManager.newBaseManager();
        FeatureNetwork vgg = seededVgg(m)) {
      StyleTargets targets =
          TargetComputation.compute(
              m, vgg, Preprocessing.CAFFE, request, content, List.of(style), null, List.of(), W, H);
      IdentityHashMap<RegionTarget, Double> divisors = StyleObjective.styleDivisors(targets, form);
      Map<String, Double> shares = new LinkedHashMap<>();
      for (String layer : STYLE) {
        RegionTarget t = targets.style().get(layer).get(0);
        shares.put(
            layer,
            targets.styleLayerWeights().get(layer)
                * StyleObjective.meanSquare(t.gram())
                / divisors.get(t));
      }
      return shares;
    }
  }

  @Test
  void joint_shares_follow_the_targets_magnitudes_and_sum_to_one() throws Exception {
    Map<String, Double> joint = shares(LossForm.JOINT);
    Map<String, Double> perLayer = shares(LossForm.NORMALIZED);
    assertEquals(1.0, joint.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    for (String layer : STYLE) {
      assertEquals(0.2, perLayer.get(layer), 1e-9, layer); // per layer: each its w_l = 1/5
    }
    double max = joint.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double min = joint.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertTrue(max > 2 * min, "the seeded layers' magnitudes should differ: " + joint);
  }

  /**
   * {@link LossForm#PHOTO}: one divisor for all style layers, sum_l w_l mean G(P)_l^2 of the
   * photo's own per-position Gram matrices (G / (M N), computed here directly from the photo's
   * maps); without a photo it is joint's divisor.
   */
  @Test
  void photo_divides_by_the_photos_own_gram_energy_and_is_joint_without_a_photo() throws Exception {
    BufferedImage content =
        ImageFiles.read(TestImages.ramp(dir, "c.png", W, H), "content", 1 << 20);
    BufferedImage style =
        ImageFiles.read(TestImages.stripes(dir, "s.png", 48, 48, 6), "style", 1 << 20);
    StyleTransferRequest request =
        request()
            .styleLayerWeights(List.of(1.0, 2.0, 1.0, 0.5, 1.0))
            .lossForm(LossForm.PHOTO)
            .build();
    try (NDManager m = NDManager.newBaseManager();
        FeatureNetwork vgg = seededVgg(m)) {
      StyleTargets targets =
          TargetComputation.compute(
              m, vgg, Preprocessing.CAFFE, request, content, List.of(style), null, List.of(), W, H);
      Map<String, NDArray> maps =
          vgg.extract(ImageTensors.toTensor(m, content, Preprocessing.CAFFE), STYLE);
      double expected = 0;
      for (String layer : STYLE) {
        NDArray f = maps.get(layer);
        long n = f.getShape().get(1);
        long positions = f.getShape().get(2) * f.getShape().get(3);
        NDArray flat = f.reshape(n, positions);
        NDArray gram = flat.matMul(flat.transpose()).div((float) (positions * n));
        expected += targets.styleLayerWeights().get(layer) * gram.square().mean().getFloat();
      }
      IdentityHashMap<RegionTarget, Double> photo =
          StyleObjective.styleDivisors(targets, LossForm.PHOTO);
      for (Double divisor : photo.values()) {
        assertEquals(expected, divisor, 1e-4 * expected);
      }
      // A photo of a quarter of the contrast: photo's divisor follows it, joint's (of the painting)
      // not.
      BufferedImage faint = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int rgb = content.getRGB(x, y);
          int r = 96 + ((rgb >> 16) & 255) / 4;
          int g = 96 + ((rgb >> 8) & 255) / 4;
          int b = 96 + (rgb & 255) / 4;
          faint.setRGB(x, y, (r << 16) | (g << 8) | b);
        }
      }
      StyleTargets faintTargets =
          TargetComputation.compute(
              m, vgg, Preprocessing.CAFFE, request, faint, List.of(style), null, List.of(), W, H);
      double faintPhoto =
          StyleObjective.styleDivisors(faintTargets, LossForm.PHOTO).values().iterator().next();
      assertTrue(faintPhoto < 0.9 * expected, "photo divisor " + faintPhoto + " vs " + expected);
      assertEquals(
          StyleObjective.styleDivisors(targets, LossForm.JOINT).values().iterator().next(),
          StyleObjective.styleDivisors(faintTargets, LossForm.JOINT).values().iterator().next(),
          1e-9);

      StyleTargets noPhoto =
          TargetComputation.compute(
              m, vgg, Preprocessing.CAFFE, request, null, List.of(style), null, List.of(), W, H);
      assertTrue(noPhoto.photoGramEnergy().isEmpty());
      IdentityHashMap<RegionTarget, Double> textureJoint =
          StyleObjective.styleDivisors(noPhoto, LossForm.JOINT);
      IdentityHashMap<RegionTarget, Double> texturePhoto =
          StyleObjective.styleDivisors(noPhoto, LossForm.PHOTO);
      for (RegionTarget t : textureJoint.keySet()) {
        assertEquals(textureJoint.get(t), texturePhoto.get(t), 0.0);
      }
    }
  }
}

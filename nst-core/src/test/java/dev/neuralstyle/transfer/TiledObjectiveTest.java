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
import dev.neuralstyle.optimize.Evaluation;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiled evaluation against the whole image on seeded weights. The halo covers the receptive field,
 * so every feature the loss sees is computed exactly as untiled; what differs is the order of
 * float32 sums (Gram matrices summed over tiles, gradients added where windows overlap), hence a
 * relative tolerance of 1e-4 on the loss and 1e-3 of the largest gradient element.
 */
class TiledObjectiveTest {
  /** The network input's value of a 0..1 pixel step (Caffe: 255), the normalised TV's unit. */
  private static final double PIXEL_UNIT = 255;

  @TempDir Path dir;

  private void compare(LossForm form, boolean seamless, boolean adaptive) throws Exception {
    int w = 64;
    int h = 48;
    BufferedImage content =
        ImageFiles.read(TestImages.ramp(dir, "c.png", w, h), "content", 1 << 20);
    BufferedImage style =
        ImageFiles.read(TestImages.stripes(dir, "s.png", 40, 48, 5), "style", 1 << 20);
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(dir.resolve("c.png"))
            .styles(List.of(dir.resolve("s.png")))
            .contentLayers(List.of("relu2_2"))
            .styleLayers(List.of("relu1_1", "relu2_1", "relu3_1"))
            .lossForm(form)
            .tvWeight(1e-3)
            .adaptiveWeights(adaptive)
            .seamless(seamless)
            .tile(24)
            .build();
    try (NDManager m = NDManager.newBaseManager();
        FeatureNetwork vgg =
            VggFeatures.create(
                m,
                VggModel.VGG19,
                PoolingMode.AVERAGE,
                new SeededVggWeights(VggModel.VGG19, "conv3_1", 7),
                "relu3_1")) {
      TilePlan plan = TilePlan.choose(request, "relu3_1", w, h, OptionalLong.empty());
      assertTrue(plan.tiled(), plan::describe);
      StyleTargets whole =
          TargetComputation.compute(
              m, vgg, Preprocessing.CAFFE, request, content, List.of(style), null, List.of(), w, h);
      StyleTargets tiledTargets =
          TargetComputation.compute(
              m,
              new TiledFeatures(vgg, plan),
              Preprocessing.CAFFE,
              request,
              content,
              List.of(style),
              null,
              List.of(),
              w,
              h);
      NDArray x = ImageTensors.toTensor(m, style(content), Preprocessing.CAFFE);
      Evaluation untiled =
          new StyleObjective(
                  vgg,
                  whole,
                  form,
                  request.tvForm(),
                  request.contentWeight(),
                  request.styleWeight(),
                  request.tvWeight(),
                  adaptive,
                  PIXEL_UNIT,
                  seamless)
              .evaluate(x, m);
      for (int round = 0; round < 1; round++) { // one evaluation, at a random grid offset
        Evaluation tiled =
            new TiledObjective(vgg, tiledTargets, request, plan, PIXEL_UNIT).evaluate(x, m);
        String what = form + (seamless ? " seamless" : "") + (adaptive ? " adaptive" : "");
        assertEquals(untiled.loss(), tiled.loss(), 1e-4 * Math.abs(untiled.loss()), what);
        assertEquals(
            untiled.breakdown().content(),
            tiled.breakdown().content(),
            1e-4 * untiled.breakdown().content(),
            what);
        float scale = untiled.gradient().abs().max().getFloat();
        float diff = untiled.gradient().sub(tiled.gradient()).abs().max().getFloat();
        assertTrue(diff <= 1e-3 * scale, what + ": gradient differs by " + diff + " of " + scale);
      }
    }
  }

  /** A start image unlike the content: the content image flipped, so every term is non-zero. */
  private static BufferedImage style(BufferedImage content) {
    BufferedImage b =
        new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < b.getHeight(); y++) {
      for (int x = 0; x < b.getWidth(); x++) {
        b.setRGB(x, y, content.getRGB(b.getWidth() - 1 - x, (y * 7) % b.getHeight()));
      }
    }
    return b;
  }

  @Test
  void tiled_loss_and_gradient_equal_the_whole_images() throws Exception {
    compare(LossForm.MEAN, false, false);
  }

  @Test
  void tiled_normalized_form_equals_the_whole_images_plain_and_seamless() throws Exception {
    compare(LossForm.NORMALIZED, false, false);
    compare(LossForm.NORMALIZED, true, false);
  }

  @Test
  void tiled_joint_form_equals_the_whole_images() throws Exception {
    compare(LossForm.JOINT, false, false);
  }

  /** The default: the photo's Gram energy is summed over the tiles of the content pass. */
  @Test
  void tiled_photo_form_the_default_equals_the_whole_images_plain_and_seamless() throws Exception {
    compare(LossForm.PHOTO, false, false);
    compare(LossForm.PHOTO, true, false);
  }

  @Test
  void tiled_seamless_adaptive_paper_form_loss_and_gradient_equal_the_whole_images()
      throws Exception {
    compare(LossForm.PAPER, true, true);
  }

  @Test
  void fit_to_memory_tiles_a_stage_that_cannot_fit_whole() {
    StyleTransferRequest r =
        StyleTransferRequest.builder()
            .content(dir.resolve("c.png"))
            .styles(List.of(dir.resolve("s.png")))
            .build();
    String deepest = "relu5_1";
    long whole =
        MemoryEstimate.bytes(r.model(), deepest, 4096, 3072, r.optimizer(), r.lbfgsHistory());
    TilePlan fits = TilePlan.choose(r, deepest, 4096, 3072, OptionalLong.of(whole));
    assertEquals("fits", fits.reason());
    assertTrue(!fits.tiled());
    TilePlan tiled = TilePlan.choose(r, deepest, 4096, 3072, OptionalLong.of(whole / 2));
    assertTrue(tiled.tiled(), tiled::describe);
    assertEquals("memory", tiled.reason());
    assertTrue(tiled.estimateBytes() <= whole / 2);
    assertEquals(0, tiled.tile() % 16, "tiles align with relu5_1's pooling");
    assertEquals(96, tiled.halo(), "relu5_1's receptive radius 85, rounded up to 16");
    // Too little even for the smallest tile (the optimiser's image-sized arrays do not shrink):
    // planned whole, so the memory check refuses it before any work.
    assertTrue(!TilePlan.choose(r, deepest, 4096, 3072, OptionalLong.of(1L << 30)).tiled());
    // Small stages stay whole.
    assertTrue(!TilePlan.choose(r.toBuilder().tile(512).build(), deepest, 512, 384).tiled());
    assertTrue(TilePlan.choose(r.toBuilder().tile(512).build(), deepest, 1024, 768).tiled());
  }
}

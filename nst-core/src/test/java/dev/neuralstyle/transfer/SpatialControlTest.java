package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.progress.ProgressListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guided Gram matrices (Gatys et al. 2017): masks route each region's style targets. */
class SpatialControlTest {
  private static final int RED = 0xff0000;
  private static final int BLUE = 0x0000ff;
  @TempDir Path dir;

  private Path halves(String name, int w, int h, int left, int right) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, x < w / 2 ? left : right);
      }
    }
    Path p = dir.resolve(name);
    ImageIO.write(img, "png", p.toFile());
    return p;
  }

  private StyleTransferRequestBuilder request(Path content, Path a, Path b) {
    return StyleTransferRequest.builder()
        .content(content)
        .styles(List.of(a, b))
        .size(32)
        .lossForm(LossForm.MEAN)
        .contentLayers(List.of("relu2_1"))
        .styleLayers(List.of("relu1_1", "relu2_1"))
        .iterations(10);
  }

  @Test
  void each_region_takes_its_gram_target_from_the_matching_style_region() throws Exception {
    Path content = TestImages.ramp(dir, "content.png", 32, 32);
    Path stripes = TestImages.stripes(dir, "a.png", 32, 32, 3);
    Path ramp = TestImages.ramp(dir, "b.png", 32, 32);
    Path contentMask = halves("cm.png", 32, 32, RED, BLUE);
    Path allRed = halves("ma.png", 32, 32, RED, RED);
    Path allBlue = halves("mb.png", 32, 32, BLUE, BLUE);
    StyleTransferRequest masked =
        request(content, stripes, ramp)
            .contentMask(contentMask)
            .styleMasks(List.of(allRed, allBlue))
            .build();
    try (NDManager m = NDManager.newBaseManager();
        VggFeatures f =
            VggFeatures.create(
                m,
                VggModel.VGG19,
                PoolingMode.AVERAGE,
                new SeededVggWeights(VggModel.VGG19, "conv2_1", 5),
                "relu2_1")) {
      RunImages images = RunImages.load(masked, 32);
      StyleTargets routed =
          TargetComputation.compute(
              m,
              f,
              Preprocessing.CAFFE,
              masked,
              images.content(),
              images.styles(),
              images.contentMask(),
              images.styleMasks(),
              32,
              32);
      for (int s = 0; s < 2; s++) {
        StyleTransferRequest alone =
            request(content, stripes, ramp).styles(List.of(s == 0 ? stripes : ramp)).build();
        StyleTargets single =
            TargetComputation.compute(
                m,
                f,
                Preprocessing.CAFFE,
                alone,
                images.content(),
                List.of(images.styles().get(s)),
                null,
                List.of(),
                32,
                32);
        for (String layer : List.of("relu1_1", "relu2_1")) {
          assertEquals(2, routed.style().get(layer).size());
          float[] expected = single.style().get(layer).get(0).gram().toFloatArray();
          // Regions are ordered by area; both halves are equal, so find the matching one by colour.
          float[] region0 = routed.style().get(layer).get(0).gram().toFloatArray();
          float[] region1 = routed.style().get(layer).get(1).gram().toFloatArray();
          float[] actual = closer(expected, region0, region1);
          assertArrayEquals(expected, actual, 1e-4f * max(expected), layer + " style " + s);
        }
      }
    }
  }

  @Test
  void a_masked_transfer_runs_and_lowers_the_style_loss() throws Exception {
    Path content = TestImages.ramp(dir, "content.png", 32, 32);
    Path a = TestImages.stripes(dir, "a.png", 32, 32, 3);
    Path b = TestImages.stripes(dir, "b.png", 32, 32, 8);
    StyleTransferRequest req =
        request(content, a, b)
            .contentMask(halves("cm.png", 32, 32, RED, BLUE))
            .styleMasks(
                List.of(halves("ma.png", 32, 32, RED, BLUE), halves("mb.png", 32, 32, BLUE, RED)))
            .iterations(20)
            .build();
    try (StyleTransfer engine =
        new StyleTransfer(
            new SeededVggWeights(VggModel.VGG19, "conv2_1", 5), Preprocessing.CAFFE)) {
      StyleTransferResult r = engine.run(req, ProgressListener.NONE, () -> false);
      double first = r.steps().get(0).style();
      double last = r.steps().get(r.steps().size() - 1).style();
      assertTrue(last < first / 2, first + " -> " + last);
    }
  }

  @Test
  void style_masks_need_a_content_mask_and_one_per_style() throws Exception {
    Path content = TestImages.ramp(dir, "content.png", 32, 32);
    Path mask = halves("m.png", 32, 32, RED, BLUE);
    NstException e =
        assertThrows(
            NstException.class,
            () -> request(content, content, content).styleMasks(List.of(mask, mask)).build());
    assertTrue(cli(e).contains("--content-mask"), cli(e));
    e =
        assertThrows(
            NstException.class,
            () ->
                request(content, content, content)
                    .contentMask(mask)
                    .styleMasks(List.of(mask))
                    .build());
    assertTrue(cli(e).contains("one mask per style image"), cli(e));
    assertTrue(ImageFiles.read(mask, 1 << 20).getWidth() == 32);
  }

  private static float[] closer(float[] expected, float[] a, float[] b) {
    return distance(expected, a) <= distance(expected, b) ? a : b;
  }

  private static double distance(float[] x, float[] y) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      d += (x[i] - y[i]) * (double) (x[i] - y[i]);
    }
    return d;
  }

  private static float max(float[] v) {
    float m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}

package dev.neuralstyle.transfer;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import java.util.List;
import java.util.Locale;

/**
 * The two seed recipes as named sets of settings. A preset replaces the {@link Defaults} of the
 * settings it names and leaves the rest (images, size, seed, ...) alone; a front end applies the
 * user's explicit settings after it, so they win.
 *
 * <p>Layer names are the rectified responses ({@code reluX_Y}): both seeds read the outputs of
 * networks whose ReLU is applied in place (Caffe, and the Hvass frozen graph's {@code convX_Y}
 * tensors), see {@link Defaults#CONTENT_LAYERS}.
 */
public enum Preset {
  /**
   * The Hvass-Labs tutorial #15 recipe (the AI_For_Art seed): VGG-16 with max pooling, content
   * relu3_1, style on all 13 convolution layers with equal weights, loss weights 1.5 / 10 / 0.3
   * with adaptive rescaling, mean losses, L1 total variation, gradient descent with a
   * std-normalised step of 10, an almost flat grey start, style image at most 300 px, 120
   * iterations (the notebook's default; its example call used 60).
   */
  HVASS {
    @Override
    public StyleTransferRequestBuilder applyTo(StyleTransferRequestBuilder b) {
      return b.model(VggModel.VGG16)
          .pooling(PoolingMode.MAX)
          .contentLayers(List.of("relu3_1"))
          .styleLayers(reluOfEveryConv(VggModel.VGG16))
          .styleLayerWeights(List.of())
          .contentWeight(1.5)
          .styleWeight(10)
          .tvWeight(0.3)
          .adaptiveWeights(true)
          .lossForm(LossForm.MEAN)
          .tvForm(TvForm.L1)
          .optimizer(OptimizerKind.GD)
          .learningRate(10)
          .init(InitSpec.of(InitMode.GRAY))
          .styleSize(300)
          .iterations(120);
    }
  },
  /**
   * Gatys, Ecker and Bethge (2015): VGG-19 with average pooling, content relu4_2, style relu1_1 …
   * relu5_1 at 1/5 each, the paper's sums, alpha/beta = 1e-3 (content 1, style 1e3), no total
   * variation, L-BFGS from white noise, 500 evaluations (the budget the defaults had when this
   * preset was written; the defaults now use fewer).
   */
  GATYS {
    @Override
    public StyleTransferRequestBuilder applyTo(StyleTransferRequestBuilder b) {
      return b.model(VggModel.VGG19)
          .pooling(PoolingMode.AVERAGE)
          .contentLayers(List.of("relu4_2"))
          .styleLayers(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"))
          .styleLayerWeights(List.of(0.2, 0.2, 0.2, 0.2, 0.2))
          .contentWeight(1)
          .styleWeight(1e3)
          .tvWeight(0)
          .adaptiveWeights(false)
          .lossForm(LossForm.PAPER)
          .optimizer(OptimizerKind.LBFGS)
          .init(InitSpec.of(InitMode.NOISE))
          .iterations(500);
    }
  };

  /** Sets this preset's values on {@code builder} and returns it. */
  public abstract StyleTransferRequestBuilder applyTo(StyleTransferRequestBuilder builder);

  /** The name used on the command line: {@code hvass} or {@code gatys}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code hvass}/{@code gatys} (any case). */
  public static Preset parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Preset p : values()) {
      if (p.cliName().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + text + "': expected hvass or gatys");
  }

  private static List<String> reluOfEveryConv(VggModel model) {
    return model.convNames().stream().map(c -> "relu" + c.substring(4)).toList();
  }
}

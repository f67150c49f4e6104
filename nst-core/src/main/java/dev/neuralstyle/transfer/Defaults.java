package dev.neuralstyle.transfer;

import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Precision;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import java.util.List;

/**
 * The one place where default settings live. The CLI shows them in its help and the web form loads
 * them; nothing else writes a default twice.
 *
 * <p>The default recipe is the paper's layers and optimiser (VGG-19, content relu4_2, style relu1_1
 * … relu5_1, L-BFGS; a weights file without them falls back to its deepest layers, see {@link
 * LayerFallback}) with normalised losses ({@link LossForm#NORMALIZED}: every term a relative error,
 * total variation a mean), so the weights mean the same at any size, on any layer set and with
 * plain (unnormalised) VGG weights. Chosen on the picture-quality benchmark, docs/QUALITY.md.
 */
public final class Defaults {
  /** VGG-19, as in the paper. */
  public static final VggModel MODEL = VggModel.VGG19;

  /** Average pooling, as in the paper. */
  public static final PoolingMode POOLING = PoolingMode.AVERAGE;

  /** Output longest side. */
  public static final int SIZE = 512;

  /** Style images at the output's size. */
  public static final double STYLE_SCALE = 1.0;

  /** Paper's content layer. Caffe's in-place ReLU makes the paper's "conv4_2" our relu4_2. */
  public static final List<String> CONTENT_LAYERS = List.of("relu4_2");

  /** Paper's style layers (rectified responses, see {@link #CONTENT_LAYERS}). */
  public static final List<String> STYLE_LAYERS =
      List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

  /** Content weight alpha, on the relative content error ({@link LossForm#NORMALIZED}). */
  public static final double CONTENT_WEIGHT = 1;

  /**
   * Style weight beta, on the style errors divided by the photo's own Gram energy ({@link
   * LossForm#PHOTO}; layer weights sum to 1). The PyTorch reference recipe of docs/QUALITY.md
   * (content 1, style 1e3 on Gram matrices / (C H W)) gives every pair of its panel an effective
   * beta of 369-577 in this unit. 600, between the measured 450 (style distance 0.90-1.06x the
   * reference's, lattice up to 1.38x) and 700 (0.87-1.09x, lattice up to 1.50x; docs/QUALITY.md).
   */
  public static final double STYLE_WEIGHT = 600;

  /**
   * Total-variation weight, on the mean squared neighbour difference in 0..1 pixel units (the same
   * share at every size; the former sum form took 60% of the loss at 384 px and drew a lattice).
   */
  public static final double TV_WEIGHT = 0.3;

  /**
   * Loss form: relative content error, style layers divided by the photo's Gram energy, mean total
   * variation ({@link LossForm#PHOTO}). On the benchmark's nine pairs it matches the PyTorch
   * reference's balance on every painting, where {@link LossForm#NORMALIZED} (the default before)
   * lost on style by up to 1.74x and drew a hatching of up to 2.75x the reference's lattice score
   * (docs/QUALITY.md).
   */
  public static final LossForm LOSS_FORM = LossForm.PHOTO;

  /** Total-variation norm. */
  public static final TvForm TV_FORM = TvForm.L2;

  /** The paper's optimiser. */
  public static final OptimizerKind OPTIMIZER = OptimizerKind.LBFGS;

  /**
   * Evaluation budget of the first (coarsest) stage; each finer stage gets 2/5 of it, and every
   * stage ends early at {@link #TOLERANCE}. 200, the reference recipe's budget: at 150 the fine
   * hatching of the first iterations had not died out on Golden Gate x The Starry Night (lattice
   * score 1.62x the reference's at 150, 1.26x at 200; docs/QUALITY.md).
   */
  public static final int ITERATIONS = 200;

  /** Adam/GD step in 8-bit pixel levels (jcjohnson's Adam default is 10). */
  public static final double LEARNING_RATE = 10;

  /** L-BFGS history. */
  public static final int LBFGS_HISTORY = 50;

  /**
   * Start from the content image. Differs from Gatys et al. (2015), who start from white noise
   * ({@code init} noise, kept by the {@code gatys} preset): from the photo the coarse stage already
   * holds its layout, and the benchmark's clean reference pictures start there too.
   */
  public static final InitSpec INIT = InitSpec.of(InitMode.CONTENT);

  /** Seed. */
  public static final long SEED = 0;

  /** Snapshot period (0: none). */
  public static final int SNAPSHOT_EVERY = 0;

  /**
   * Frames of a run's progress GIF besides the final image, spread over every stage's budget
   * ({@link StyleTransferRequest#framePeriod}); the CLI's {@code gif-frames} default, and the
   * period of the web's live snapshots and of batch's GIFs. Four seconds at 10 frames per second.
   */
  public static final int GIF_FRAMES = 40;

  /**
   * Early stopping: a stage ends when its total loss fell by less than this fraction over the last
   * 10 iterations (0: run every iteration). At 512 px from the content image (docs/PERFORMANCE.md,
   * "Default pipeline") the last 0.45% of the loss took 73% of the full budget's time. Differs from
   * Gatys et al. (2015), who give no stopping rule; {@code reproduce} uses 0.
   */
  public static final double TOLERANCE = 1e-3;

  /**
   * Early stopping's window: {@link #TOLERANCE} compares the loss with its value this many
   * iterations earlier (within the stage). 10 is the window {@link #TOLERANCE} was measured with
   * (docs/PERFORMANCE.md); a larger window stops later on a slowly falling loss.
   */
  public static final int TOLERANCE_WINDOW = 10;

  /** Largest accepted input image. */
  public static final long MAX_PIXELS = ImageFiles.DEFAULT_MAX_PIXELS;

  /**
   * Outputs up to this size run in one stage; larger ones start at half size or less and continue
   * from the upsampled result (Gatys et al. 2017), which reaches the same loss in less time; a run
   * from the photo gets the photo's detail band back at each finer stage ({@link
   * StageUpsampling#resizeWithDetail}).
   */
  public static final int SINGLE_STAGE_MAX = 384;

  /**
   * float32, as in the paper: reduced precision is opt-in, since it changes the result slightly
   * (final loss within 2% on the same seed, see docs/PERFORMANCE.md).
   */
  public static final Precision PRECISION = Precision.FP32;

  /** Colours: the style's. */
  public static final ColorPreservation COLOR_PRESERVATION = ColorPreservation.NONE;

  /**
   * Device: the first CUDA GPU when the engine sees one, else the CPU, as DJL, jcjohnson and
   * crowsonkb default to. A CPU-only build (the default native library) always runs on the CPU; a
   * {@code -Pcuda} build uses its GPU without a flag. The run record names the device used.
   */
  public static final DeviceSpec DEVICE = DeviceSpec.auto();

  /**
   * Transfers keep the content's borders: zero padding, as in the paper. {@code seamless} makes the
   * output tile in both directions instead.
   */
  public static final boolean SEAMLESS = false;

  /**
   * Texture synthesis makes seamless (tileable) textures by default, which is what artists use
   * textures for; {@code texture --no-seamless} gives the paper's zero-padded synthesis. Differs
   * from Gatys et al. (2015, arXiv 1505.07376), whose textures have borders.
   */
  public static final boolean TEXTURE_SEAMLESS = true;

  /**
   * Tile size: 0 lets each stage's memory estimate decide (a stage that would not fit is optimised
   * in tiles, one that fits stays whole).
   */
  public static final int TILE = 0;

  private Defaults() {}
}

package dev.neuralstyle.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark job, shared by both sides: VGG-19 to conv5_1 with seeded random weights, Caffe
 * preprocessing, average pooling, content relu4_2, style relu1_1 … relu5_1 (equal layer weights),
 * mean-normalised losses with alpha 5, beta 500 and squared total variation 1e-3, starting from the
 * content image. Images are square crops so that an N px job is exactly N x N pixels.
 *
 * <p>{@link #prepare} writes, into a job directory, the weights ({@code weights.safetensors}, keys
 * {@code conv1_1.weight}, {@code conv1_1.bias}, …), the square images ({@code content_N.png},
 * {@code style_N.png}) and the preprocessed tensors exactly as the engine computes them from those
 * images ({@code inputs_N.safetensors}: {@code content}, {@code style}, NCHW, BGR minus the Caffe
 * mean).
 */
final class BenchJob {
  static final VggModel MODEL = VggModel.VGG19;
  static final String LAST_CONV = "conv5_1";
  static final Preprocessing CONVENTION = Preprocessing.CAFFE;
  static final List<String> CONTENT_LAYERS = List.of("relu4_2");
  static final List<String> STYLE_LAYERS =
      List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");
  static final double CONTENT_WEIGHT = 5;
  static final double STYLE_WEIGHT = 500;
  static final double TV_WEIGHT = 1e-3;

  /** Adam step in 8-bit levels; with Caffe preprocessing also the step in input units. */
  static final double ADAM_RATE = 10;

  static final int LBFGS_HISTORY = 50;

  private BenchJob() {}

  static Path content(Path dir, int size) {
    return dir.resolve("content_" + size + ".png");
  }

  static Path style(Path dir, int size) {
    return dir.resolve("style_" + size + ".png");
  }

  static Path weights(Path dir) {
    return dir.resolve("weights.safetensors");
  }

  /** The request both sides mirror, with the given optimiser and evaluation budget. */
  static StyleTransferRequest request(
      Path dir, int size, OptimizerKind optimizer, int evaluations) {
    return job(dir, size)
        .scales(List.of(size)) // one stage, as the reference runs
        .optimizer(optimizer)
        .learningRate(ADAM_RATE)
        .lbfgsHistory(LBFGS_HISTORY)
        .init(InitSpec.of(InitMode.CONTENT))
        .iterations(evaluations)
        .build();
  }

  /**
   * The library's default pipeline on this job: the job's network, layers and loss settings, and
   * otherwise {@link dev.neuralstyle.transfer.Defaults} (optimiser, stages, iteration schedule,
   * tolerance), starting from {@code init}.
   */
  static StyleTransferRequest pipelineRequest(Path dir, int size, InitMode init) {
    return job(dir, size).init(InitSpec.of(init)).build();
  }

  /** The job's images, network, layers and loss settings; everything else at the defaults. */
  private static StyleTransferRequestBuilder job(Path dir, int size) {
    return StyleTransferRequest.builder()
        .content(content(dir, size))
        .styles(List.of(style(dir, size)))
        .size(size)
        .styleScale(1.0)
        .model(MODEL)
        .pooling(PoolingMode.AVERAGE)
        .preprocessing(CONVENTION)
        .contentLayers(CONTENT_LAYERS)
        .styleLayers(STYLE_LAYERS)
        .contentWeight(CONTENT_WEIGHT)
        .styleWeight(STYLE_WEIGHT)
        .tvWeight(TV_WEIGHT)
        .lossForm(LossForm.MEAN)
        .tvForm(TvForm.L2)
        .adaptiveWeights(false);
  }

  /** Writes the job's files for {@code sizes} into {@code dir}. */
  static void prepare(
      Path dir, Path contentSource, Path styleSource, List<Integer> sizes, long seed)
      throws IOException {
    SeededVggWeights w = new SeededVggWeights(MODEL, LAST_CONV, seed);
    SafetensorsWriter weights = new SafetensorsWriter();
    for (String conv : w.convs()) {
      long[] shape = w.weightShape(conv);
      weights.put(conv + ".weight", shape, w.weight(conv));
      weights.put(conv + ".bias", new long[] {shape[0]}, w.bias(conv));
    }
    weights.write(weights(dir));
    BufferedImage contentImage = ImageFiles.read(contentSource, ImageFiles.DEFAULT_MAX_PIXELS);
    BufferedImage styleImage = ImageFiles.read(styleSource, ImageFiles.DEFAULT_MAX_PIXELS);
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int size : sizes) {
        ImageFiles.write(squareCrop(contentImage, size), content(dir, size));
        ImageFiles.write(squareCrop(styleImage, size), style(dir, size));
        SafetensorsWriter inputs = new SafetensorsWriter();
        inputs.put(
            "content",
            new long[] {1, 3, size, size},
            engineTensor(manager, content(dir, size), size));
        inputs.put(
            "style", new long[] {1, 3, size, size}, engineTensor(manager, style(dir, size), size));
        inputs.write(dir.resolve("inputs_" + size + ".safetensors"));
      }
    }
  }

  /** What the engine's run feeds the network for an image file at {@code size}. */
  private static float[] engineTensor(NDManager manager, Path file, int size) {
    BufferedImage image =
        ImageResize.toMaxSide(ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS), size);
    try (NDArray t = ImageTensors.toTensor(manager, image, CONVENTION)) {
      return t.toFloatArray();
    }
  }

  private static BufferedImage squareCrop(BufferedImage image, int size) {
    int side = Math.min(image.getWidth(), image.getHeight());
    int x = (image.getWidth() - side) / 2;
    int y = (image.getHeight() - side) / 2;
    BufferedImage square = image.getSubimage(x, y, side, side);
    return ImageResize.toSize(square, size, size);
  }
}

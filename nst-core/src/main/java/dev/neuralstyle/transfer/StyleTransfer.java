package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggFeatures;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.optimize.AdamOptimizer;
import dev.neuralstyle.optimize.ImageOptimizer;
import dev.neuralstyle.optimize.LbfgsOptimizer;
import dev.neuralstyle.optimize.NormalizedGradientDescent;
import dev.neuralstyle.optimize.PixelBounds;
import dev.neuralstyle.optimize.StepOutcome;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs style transfers (Gatys, Ecker and Bethge, arXiv 1508.06576) with one set of loaded VGG weights:
 * computes the targets, starts from the requested image and minimises the total loss, reporting
 * progress. Not thread-safe: PyTorch allows one gradient collection per process, so run one transfer
 * at a time.
 */
public final class StyleTransfer implements AutoCloseable {
  private static final int TOLERANCE_WINDOW = 10;

  private final NDManager manager;
  private final ConvParameters weights;
  private final Preprocessing weightsConvention;

  /**
   * Uses {@code weights}, which expect inputs in {@code weightsConvention} (a request may override it).
   */
  public StyleTransfer(ConvParameters weights, Preprocessing weightsConvention) {
    this.manager = NDManager.newBaseManager();
    this.weights = weights;
    this.weightsConvention = weightsConvention;
  }

  /**
   * Runs {@code request} to completion, cancellation or failure.
   *
   * @param listener receives progress events on this thread
   * @param cancelled polled between iterations; when true the run stops and returns the current image
   * @throws NstException on bad input (unreadable image, layer missing from the weights, ...)
   */
  public StyleTransferResult run(
      StyleTransferRequest request, ProgressListener listener, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    List<String> layers = new ArrayList<>(request.contentLayers());
    layers.addAll(request.styleLayers());
    String deepest = VggLayers.deepest(request.model(), layers);
    for (String conv : VggLayers.convsNeededFor(request.model(), deepest)) {
      if (!weights.has(conv)) {
        List<String> held =
            request.model().convNames().stream().filter(weights::has).toList();
        throw new NstException(
            "layer "
                + deepest
                + " needs "
                + conv
                + ", which the weights do not have (they hold "
                + (held.isEmpty() ? "no layers" : held.get(0) + " … " + held.get(held.size() - 1))
                + "); choose layers within those or use a full "
                + request.model().cliName()
                + " weights file");
      }
    }
    Preprocessing convention =
        request.preprocessing() != null ? request.preprocessing() : weightsConvention;
    RunImages images = RunImages.load(request);
    try (NDManager run = manager.newSubManager();
        VggFeatures features =
            VggFeatures.create(run, request.model(), request.pooling(), weights, deepest)) {
      StyleTargets targets =
          TargetComputation.compute(
              run,
              features,
              convention,
              request,
              images.content(),
              images.styles(),
              images.width(),
              images.height());
      StyleObjective objective =
          new StyleObjective(
              features,
              targets,
              request.lossForm(),
              request.tvForm(),
              request.contentWeight(),
              request.styleWeight(),
              request.tvWeight(),
              request.adaptiveWeights());
      NDArray x0 =
          InitialImage.create(
              run,
              request.init(),
              request.seed(),
              convention,
              images.content(),
              images.initFile(),
              images.width(),
              images.height());
      int w = images.width();
      int h = images.height();
      double setup = seconds(start);
      listener.onEvent(new RunStarted(request.iterations(), w, h, setup));
      long optStart = System.nanoTime();
      List<StepRecord> steps = new ArrayList<>();
      String stop = "budget";
      try (ImageOptimizer optimizer = createOptimizer(request, x0, convention)) {
        x0.close();
        int lastSnapshot = 0;
        while (optimizer.evaluations() < request.iterations()) {
          if (cancelled.getAsBoolean()) {
            stop = "cancelled";
            break;
          }
          StepOutcome outcome =
              optimizer.step(objective, request.iterations() - optimizer.evaluations());
          int done = optimizer.evaluations();
          double t = seconds(optStart);
          var b = outcome.breakdown();
          steps.add(new StepRecord(done, b.content(), b.style(), b.tv(), b.total(), t));
          BufferedImage snapshot = null;
          if (request.snapshotEvery() > 0
              && done / request.snapshotEvery() > lastSnapshot / request.snapshotEvery()) {
            snapshot = ImageTensors.toImage(optimizer.current(), convention);
            lastSnapshot = done;
          }
          listener.onEvent(new StepCompleted(done, request.iterations(), b, t, snapshot));
          if (!Double.isFinite(outcome.loss())) {
            throw new NstException(
                "the loss became " + outcome.loss() + " at iteration " + done
                    + "; lower --learning-rate or the loss weights");
          }
          if (outcome.converged()) {
            stop = "converged";
            break;
          }
          if (toleranceReached(steps, request.tolerance())) {
            stop = "tolerance";
            break;
          }
        }
        BufferedImage result = ImageTensors.toImage(optimizer.current(), convention);
        double opt = seconds(optStart);
        listener.onEvent(new RunFinished(optimizer.evaluations(), opt, stop));
        return new StyleTransferResult(
            result,
            images.content(),
            images.styles(),
            steps,
            optimizer.evaluations(),
            setup,
            opt,
            stop,
            convention);
      }
    }
  }

  private static ImageOptimizer createOptimizer(
      StyleTransferRequest r, NDArray x0, Preprocessing convention) {
    PixelBounds bounds = PixelBounds.of(convention);
    // The learning rate is given in 8-bit pixel levels; convert to the network's input units.
    float levelsToInput =
        (float) (convention.scale() / 255.0 / average(convention.stdRgb()) * r.learningRate());
    switch (r.optimizer()) {
      case ADAM:
        return new AdamOptimizer(x0, levelsToInput, 0.9f, 0.999f, 1e-8f, bounds);
      case GD:
        return new NormalizedGradientDescent(x0, levelsToInput, bounds);
      case LBFGS:
      default:
        return new LbfgsOptimizer(x0, r.lbfgsHistory(), 1e-12, 1e-12);
    }
  }

  private static boolean toleranceReached(List<StepRecord> steps, double tolerance) {
    if (tolerance <= 0 || steps.size() <= TOLERANCE_WINDOW) {
      return false;
    }
    double now = steps.get(steps.size() - 1).total();
    double before = steps.get(steps.size() - 1 - TOLERANCE_WINDOW).total();
    return Math.abs(before - now) <= tolerance * Math.abs(before);
  }

  private static double average(float[] values) {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s / values.length;
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  /** Releases native memory. */
  @Override
  public void close() {
    manager.close();
  }
}

package dev.neuralstyle.transfer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.image.ImageTensors;
import dev.neuralstyle.optimize.AdamOptimizer;
import dev.neuralstyle.optimize.ImageOptimizer;
import dev.neuralstyle.optimize.LbfgsOptimizer;
import dev.neuralstyle.optimize.NormalizedGradientDescent;
import dev.neuralstyle.optimize.Objective;
import dev.neuralstyle.optimize.PixelBounds;
import dev.neuralstyle.optimize.StepOutcome;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs style transfers (Gatys, Ecker and Bethge, arXiv 1508.06576) with one set of loaded VGG
 * weights: computes the targets, starts from the requested image and minimises the total loss,
 * reporting progress. Not thread-safe: PyTorch allows one gradient collection per process, so run
 * one transfer at a time.
 *
 * <p>Every array of a run lives in one sub-manager on the request's {@link DeviceSpec device}, and
 * everything the run creates (VGG parameters, image tensors, masks, targets, optimiser state) comes
 * from that manager or its children, so the same code runs on the CPU or a GPU. Only plain floats
 * and images leave a run.
 */
public final class StyleTransfer implements AutoCloseable {
  private final NDManager manager;
  private final ConvParameters weights;
  private final Preprocessing weightsConvention;
  private final TransferCaches caches;

  /**
   * Uses {@code weights}, which expect inputs in {@code weightsConvention} (a request may override
   * it).
   */
  public StyleTransfer(ConvParameters weights, Preprocessing weightsConvention) {
    this(weights, weightsConvention, TransferCaches.none());
  }

  /**
   * Uses {@code weights} and keeps feature stacks and style targets between runs in {@code caches}
   * (for batches; the caller closes them after this transfer).
   */
  public StyleTransfer(
      ConvParameters weights, Preprocessing weightsConvention, TransferCaches caches) {
    // Holds no array itself: each run opens a sub-manager on the device its request names.
    this.manager = NDManager.newBaseManager(Device.cpu());
    this.weights = weights;
    this.weightsConvention = weightsConvention;
    this.caches = caches;
  }

  /**
   * Runs {@code request} to completion, cancellation or failure.
   *
   * @param listener receives progress events on this thread
   * @param cancelled polled between iterations; when true the run stops and returns the current
   *     image
   * @throws NstException on bad input (unreadable image, layer missing from the weights, a GPU the
   *     engine does not see, ...)
   */
  public StyleTransferResult run(
      StyleTransferRequest request, ProgressListener listener, BooleanSupplier cancelled) {
    return run(request, ResumePoint.START, listener, cancelled);
  }

  /**
   * Continues a run that stopped after {@code resume.iterationsDone()} evaluations; the request's
   * init must be the image it stopped with. Stages already finished are skipped, the iteration
   * count and the step records carry on. The optimiser's own state (L-BFGS history, Adam moments)
   * starts afresh.
   *
   * @throws NstException if the run had already used its whole budget
   */
  public StyleTransferResult run(
      StyleTransferRequest request,
      ResumePoint resume,
      ProgressListener listener,
      BooleanSupplier cancelled) {
    return run(request, resume, RunExtras.NONE, listener, cancelled);
  }

  /**
   * Runs {@code request} with {@code extras}: a start image given as pixels instead of the
   * request's init, and an extra loss term (video style transfer, Ruder et al. 2016).
   */
  public StyleTransferResult run(
      StyleTransferRequest request,
      RunExtras extras,
      ProgressListener listener,
      BooleanSupplier cancelled) {
    return run(request, ResumePoint.START, extras, listener, cancelled);
  }

  private StyleTransferResult run(
      StyleTransferRequest request,
      ResumePoint resume,
      RunExtras extras,
      ProgressListener listener,
      BooleanSupplier cancelled) {
    long start = System.nanoTime();
    Device device = request.device().resolve();
    List<String> layers = new ArrayList<>(request.contentLayers());
    layers.addAll(request.styleLayers());
    String deepest = VggLayers.deepest(request.model(), layers);
    for (String conv : VggLayers.convsNeededFor(request.model(), deepest)) {
      if (!weights.has(conv)) {
        List<String> held = request.model().convNames().stream().filter(weights::has).toList();
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
    List<Integer> sizes = request.stageSizes();
    List<Integer> budgets = request.stageIterations();
    int totalBudget = budgets.stream().mapToInt(Integer::intValue).sum();
    if (resume.iterationsDone() >= totalBudget) {
      throw NstException.mentioning(
          "the run to resume already used "
              + resume.iterationsDone()
              + " of its "
              + totalBudget
              + " iterations; raise {iterations} to continue it");
    }
    RunChecks.beforeWork(request); // image shapes and memory, before any work
    ColorPreservation colors = request.colorPreservation();
    try (NDManager run = manager.newSubManager(device);
        FeatureNetwork features =
            caches.network(
                run, request.model(), request.pooling(), request.precision(), weights, deepest)) {
      List<StepRecord> steps = new ArrayList<>(resume.steps());
      List<TilePlan> plans = new ArrayList<>();
      double timeOffset = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).seconds();
      RunImages images = null;
      float[] previous = null;
      int previousW = 0;
      int previousH = 0;
      int done = resume.iterationsDone();
      int stageEnd = 0;
      double setup = 0;
      long optStart = 0;
      StopReason stop = StopReason.BUDGET;
      for (int stage = 0; stage < sizes.size() && stop != StopReason.CANCELLED; stage++) {
        stageEnd += budgets.get(stage);
        if (stageEnd <= done) {
          continue; // finished before the resume point
        }
        images = RunImages.load(request, sizes.get(stage));
        BufferedImage content = ColorControl.content(colors, images.content());
        List<BufferedImage> styles = ColorControl.styles(colors, images.styles(), images.content());
        int w = images.width();
        int h = images.height();
        TilePlan plan = TilePlan.choose(request, deepest, w, h);
        plans.add(plan);
        if (!plan.tiled()) {
          MemoryEstimate.check(request.model(), deepest, w, h, plan.optimizer(), plan.history());
        }
        try (NDManager stageManager = run.newSubManager()) {
          StyleTargets targets =
              TargetComputation.compute(
                  stageManager,
                  plan.tiled() ? new TiledFeatures(features, plan) : features,
                  caches,
                  convention,
                  request,
                  content,
                  styles,
                  images.contentMask(),
                  images.styleMasks(),
                  w,
                  h);
          double pixelUnit = convention.scale() / average(convention.stdRgb());
          Objective objective;
          if (plan.tiled()) {
            if (extras.extraLoss() != null) {
              throw NstException.mentioning(
                  "a tiled stage ({tile}) cannot take an extra loss term such as video's temporal"
                      + " loss; use a larger {tile} or a smaller {size}");
            }
            objective = new TiledObjective(features, targets, request, plan, pixelUnit);
          } else {
            StyleObjective whole =
                new StyleObjective(
                    features,
                    targets,
                    request.lossForm(),
                    request.tvForm(),
                    request.contentWeight(),
                    request.styleWeight(),
                    request.tvWeight(),
                    request.adaptiveWeights(),
                    pixelUnit,
                    request.seamless());
            if (extras.extraLoss() != null) {
              whole.withExtra(
                  extras
                      .extraLoss()
                      .forStage(new StageContext(stageManager, convention, w, h, colors)));
            }
            objective = whole;
          }
          if (previous == null && extras.start() != null) {
            // A start given as pixels takes the place of the previous stage's result.
            BufferedImage given = ColorControl.content(colors, extras.start());
            previous = ImageTensors.toRgbPlanes(given);
            previousW = given.getWidth();
            previousH = given.getHeight();
          }
          NDArray x0 =
              previous == null
                  ? InitialImage.create(
                      stageManager,
                      request.init(),
                      request.seed(),
                      convention,
                      content,
                      initFor(colors, images),
                      w,
                      h)
                  : ImageTensors.fromRgbPlanes(
                      stageManager,
                      content != null && request.init().mode() == InitMode.CONTENT
                          ? StageUpsampling.resizeWithDetail(
                              previous,
                              previousW,
                              previousH,
                              ImageTensors.toRgbPlanes(content),
                              w,
                              h)
                          : StageUpsampling.resize(previous, previousW, previousH, w, h),
                      h,
                      w,
                      convention);
          if (optStart == 0) {
            setup = seconds(start);
            listener.onEvent(new RunStarted(totalBudget, w, h, setup));
            optStart = System.nanoTime();
          }
          try (ImageOptimizer optimizer = createOptimizer(request, plan, x0, convention)) {
            x0.close();
            int lastSnapshot = done;
            int stageStart = done;
            stop = StopReason.BUDGET;
            while (done < stageEnd) {
              if (cancelled.getAsBoolean()) {
                stop = StopReason.CANCELLED;
                break;
              }
              StepOutcome outcome = optimizer.step(objective, stageEnd - done);
              done = stageStart + optimizer.evaluations();
              double t = timeOffset + seconds(optStart);
              var b = outcome.breakdown();
              steps.add(StepRecord.of(done, b, t));
              BufferedImage snapshot = null;
              if (request.snapshotEvery() > 0
                  && done / request.snapshotEvery() > lastSnapshot / request.snapshotEvery()) {
                snapshot =
                    ColorControl.result(
                        colors,
                        ImageTensors.toImage(optimizer.current(), convention),
                        images.content());
                lastSnapshot = done;
              }
              listener.onEvent(new StepCompleted(done, totalBudget, b, t, snapshot));
              if (!Double.isFinite(outcome.loss())) {
                throw NstException.mentioning(
                    "the loss became "
                        + outcome.loss()
                        + " at iteration "
                        + done
                        + "; lower {learning-rate} or the loss weights");
              }
              if (outcome.converged()) {
                stop = StopReason.CONVERGED;
                break;
              }
              if (toleranceReached(
                  steps, request.tolerance(), request.toleranceWindow(), stageStart)) {
                stop = StopReason.TOLERANCE;
                break;
              }
            }
            previous = ImageTensors.toRgbPlanes(optimizer.current(), convention);
            previousW = w;
            previousH = h;
          }
        }
      }
      BufferedImage result =
          ColorControl.result(
              colors, ImageTensors.toImage(previous, previousH, previousW), images.content());
      double opt = seconds(optStart);
      listener.onEvent(new RunFinished(done, opt, stop));
      return new StyleTransferResult(
          result,
          images.content(),
          images.styles(),
          steps,
          done,
          setup,
          opt,
          stop,
          convention,
          DeviceSpec.describe(device),
          plans);
    }
  }

  /** The init image for the first stage, in the colour space the network sees. */
  private static BufferedImage initFor(ColorPreservation colors, RunImages images) {
    if (images.initFile() == null) {
      return null;
    }
    return ColorControl.content(colors, images.initFile());
  }

  /** The stage's optimiser: the request's, with the history or kind its memory plan chose. */
  private static ImageOptimizer createOptimizer(
      StyleTransferRequest r, TilePlan plan, NDArray x0, Preprocessing convention) {
    PixelBounds bounds = PixelBounds.of(convention);
    // The learning rate is given in 8-bit pixel levels; convert to the network's input units.
    float levelsToInput =
        (float) (convention.scale() / 255.0 / average(convention.stdRgb()) * r.learningRate());
    switch (plan.optimizer()) {
      case ADAM:
        return new AdamOptimizer(x0, levelsToInput, 0.9f, 0.999f, 1e-8f, bounds);
      case GD:
        return new NormalizedGradientDescent(x0, levelsToInput, bounds);
      case LBFGS:
      default:
        return new LbfgsOptimizer(x0, plan.history(), 1e-12, 1e-12);
    }
  }

  private static boolean toleranceReached(
      List<StepRecord> steps, double tolerance, int window, int stageStart) {
    if (tolerance <= 0 || steps.size() <= window) {
      return false;
    }
    if (steps.get(steps.size() - 1 - window).iteration() <= stageStart) {
      return false; // the window must lie within the current stage
    }
    double now = steps.get(steps.size() - 1).total();
    double before = steps.get(steps.size() - 1 - window).total();
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

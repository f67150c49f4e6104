package dev.neuralstyle.reproduce;

import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fills a figure's grid: places originals, runs the requests one after another with one engine,
 * forwards their progress and stops making runs once cancelled.
 */
final class FigureAssembly implements AutoCloseable {
  private final StyleTransfer engine;
  private final BufferedImage[][] tiles;
  private final FigureProgress progress;
  private final BooleanSupplier cancelled;
  private final int runCount;
  private final List<TileRun> runs = new ArrayList<>();
  private boolean stopped;

  FigureAssembly(
      ConvParameters weights,
      Preprocessing convention,
      int rows,
      int columns,
      int runCount,
      FigureProgress progress,
      BooleanSupplier cancelled) {
    this.engine = new StyleTransfer(weights, convention);
    this.tiles = new BufferedImage[rows][columns];
    this.runCount = runCount;
    this.progress = progress;
    this.cancelled = cancelled;
  }

  /**
   * The paper's recipe (Gatys et al. 2015): sums as in eqs. 1-5, no total variation, L-BFGS (named
   * in the CVPR version), start from white noise; the figure sets layers and weights.
   */
  static StyleTransferRequestBuilder paperRecipe(FigureSettings s) {
    return StyleTransferRequest.builder()
        .model(s.model())
        .pooling(s.pooling())
        .size(s.size())
        .iterations(s.iterations())
        .tolerance(0) // a figure runs exactly its iterations: tiles stay comparable
        .seed(s.seed())
        .device(s.device())
        .lossForm(LossForm.PAPER)
        .tvWeight(0)
        .optimizer(OptimizerKind.LBFGS)
        .init(InitSpec.of(InitMode.NOISE));
  }

  /** Shows an original (not a run) at {@code row}, {@code column}. */
  void place(int row, int column, BufferedImage image) {
    tiles[row][column] = image;
  }

  /** Runs {@code request} into {@code row}, {@code column}, unless the figure was cancelled. */
  void run(int row, int column, String name, StyleTransferRequest request) {
    if (stopped || cancelled.getAsBoolean()) {
      stopped = true;
      return;
    }
    int index = runs.size();
    StyleTransferResult result =
        engine.run(request, event -> progress.onEvent(index, runCount, event), cancelled);
    tiles[row][column] = result.image();
    runs.add(new TileRun(row, column, name, request, result));
    if (result.cancelled()) {
      stopped = true;
    }
  }

  /** The finished figure. */
  FigureResult build(
      String title,
      List<String> rowLabels,
      List<String> columnLabels,
      String footnote,
      List<String> omitted) {
    return new FigureResult(
        title, rowLabels, columnLabels, tiles, footnote, runs, omitted, !stopped);
  }

  @Override
  public void close() {
    engine.close();
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.output.AnimatedGifWriter;
import dev.neuralstyle.output.CaptionedImage;
import dev.neuralstyle.output.ComparisonPanel;
import dev.neuralstyle.output.LossPlot;
import dev.neuralstyle.output.RunRecord;
import dev.neuralstyle.output.RunRecordWriter;
import dev.neuralstyle.output.WeightsProvenance;
import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.weights.VggWeights;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished run's files as its {@link OutputPlan} says, each atomically: the image, the
 * panel, the GIF, the loss plot and, last, the run record that lists them all.
 */
final class ResultFiles {
  private static final int GIF_DELAY_MILLIS = 100;
  private static final int GIF_HOLD_MILLIS = 2000;
  private static final int MAX_TILE_HEIGHT = 512;
  private static final int PLOT_WIDTH = 800;
  private static final int PLOT_HEIGHT = 500;

  private final OutputPlan plan;
  private final StyleTransferRequest request;
  private final VggWeights weights;
  private final StyleTransferResult result;

  ResultFiles(
      OutputPlan plan, StyleTransferRequest request, VggWeights weights, StyleTransferResult result) {
    this.plan = plan;
    this.request = request;
    this.weights = weights;
    this.result = result;
  }

  /**
   * Writes every planned file and returns them in the order written.
   *
   * @param frames the GIF frames collected during the run; the final image is appended
   */
  List<Path> writeAll(List<BufferedImage> frames) {
    Map<String, String> written = new LinkedHashMap<>();
    ImageFiles.write(result.image(), plan.image());
    written.put("image", plan.image().toString());
    if (plan.panel() != null) {
      ImageFiles.write(panel(), plan.panel());
      written.put("panel", plan.panel().toString());
    }
    if (plan.gif() != null) {
      // Coarse-to-fine stages give smaller early frames: show every frame at the final size.
      List<BufferedImage> all = new ArrayList<>();
      int w = result.image().getWidth();
      int h = result.image().getHeight();
      for (BufferedImage f : frames) {
        boolean same = f.getWidth() == w && f.getHeight() == h;
        all.add(same ? f : ImageResize.toSize(f, w, h));
      }
      all.add(result.image());
      AnimatedGifWriter.write(all, GIF_DELAY_MILLIS, GIF_HOLD_MILLIS, true, plan.gif());
      written.put("gif", plan.gif().toString());
    }
    if (plan.lossPlot() != null) {
      ImageFiles.write(lossPlot(), plan.lossPlot());
      written.put("lossPlot", plan.lossPlot().toString());
    }
    if (plan.record() != null) {
      written.put("record", plan.record().toString());
      RunRecordWriter.write(plan.record(), record(written));
    }
    return written.values().stream().map(Path::of).toList();
  }

  private BufferedImage panel() {
    List<CaptionedImage> tiles = new ArrayList<>();
    tiles.add(new CaptionedImage("Content", result.content()));
    tiles.add(new CaptionedImage("Result", result.image()));
    List<BufferedImage> styles = result.styles();
    for (int i = 0; i < styles.size(); i++) {
      tiles.add(new CaptionedImage(styles.size() == 1 ? "Style" : "Style " + (i + 1), styles.get(i)));
    }
    return ComparisonPanel.render(tiles, Math.min(MAX_TILE_HEIGHT, result.image().getHeight()));
  }

  private BufferedImage lossPlot() {
    List<StepRecord> steps = result.steps();
    int n = steps.size();
    double[] total = new double[n];
    double[] content = new double[n];
    double[] style = new double[n];
    double[] tv = new double[n];
    int[] iterations = new int[n];
    for (int i = 0; i < n; i++) {
      StepRecord s = steps.get(i);
      total[i] = s.total();
      content[i] = s.content();
      style[i] = s.style();
      tv[i] = s.tv();
      iterations[i] = s.iteration();
    }
    return LossPlot.render(
        "Loss per iteration (unweighted terms; total as minimised)",
        List.of("total", "content", "style", "tv"),
        List.of(total, content, style, tv),
        iterations,
        PLOT_WIDTH,
        PLOT_HEIGHT);
  }

  private RunRecord record(Map<String, String> outputs) {
    WeightsProvenance provenance =
        new WeightsProvenance(
            weights.source(),
            weights.sha256(),
            weights.format().name(),
            result.preprocessing().cliName(),
            weights.model().cliName());
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("neuralStyle", VersionProvider.toolVersion());
    versions.put("djl", VersionProvider.djlVersion());
    versions.put("engine", VersionProvider.engine());
    versions.put("java", System.getProperty("java.version"));
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return new RunRecord(request, provenance, result, versions, outputs);
  }
}

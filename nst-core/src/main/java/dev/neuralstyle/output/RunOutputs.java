package dev.neuralstyle.output;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.output.record.RunRecord;
import dev.neuralstyle.output.record.RunRecordWriter;
import dev.neuralstyle.output.record.WeightsProvenance;
import dev.neuralstyle.output.render.AnimatedGifWriter;
import dev.neuralstyle.output.render.CaptionedImage;
import dev.neuralstyle.output.render.ComparisonPanel;
import dev.neuralstyle.output.render.LossPlot;
import dev.neuralstyle.transfer.LayerFallback;
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
 * Writes a finished run's files, each atomically: the image, the panel, the GIF, the loss plot and,
 * last, the run record that lists them all. Shared by every front end, so a CLI run and a web job
 * produce the same files.
 */
public final class RunOutputs {
  private static final int GIF_DELAY_MILLIS = 100;
  private static final int GIF_HOLD_MILLIS = 2000;
  private static final int MAX_TILE_HEIGHT = 512;
  private static final int PLOT_WIDTH = 800;
  private static final int PLOT_HEIGHT = 500;

  private RunOutputs() {}

  /**
   * Writes every file {@code files} names and returns role to path ({@code image}, {@code panel},
   * {@code gif}, {@code lossPlot}, {@code record}) in the order written.
   *
   * @param frames snapshots collected during the run, oldest first; the final image is appended
   * @param versions software versions for the run record (see {@link #versions(String)})
   */
  public static Map<String, Path> write(
      OutputFiles files,
      StyleTransferRequest request,
      VggWeights weights,
      StyleTransferResult result,
      List<BufferedImage> frames,
      Map<String, String> versions) {
    Map<String, Path> written = new LinkedHashMap<>();
    ImageFiles.write(result.image(), files.image());
    written.put(RunOutput.IMAGE.role(), files.image());
    if (files.panel() != null) {
      ImageFiles.write(panel(result), files.panel());
      written.put(RunOutput.PANEL.role(), files.panel());
    }
    if (files.gif() != null) {
      // Coarse-to-fine stages give smaller early frames: show every frame at the final size.
      List<BufferedImage> all = new ArrayList<>();
      int w = result.image().getWidth();
      int h = result.image().getHeight();
      for (BufferedImage f : frames) {
        boolean same = f.getWidth() == w && f.getHeight() == h;
        all.add(same ? f : ImageResize.toSize(f, w, h));
      }
      all.add(result.image());
      AnimatedGifWriter.write(all, GIF_DELAY_MILLIS, GIF_HOLD_MILLIS, true, files.gif());
      written.put(RunOutput.GIF.role(), files.gif());
    }
    if (files.lossPlot() != null) {
      ImageFiles.write(lossPlot(result), files.lossPlot());
      written.put(RunOutput.LOSS_PLOT.role(), files.lossPlot());
    }
    if (files.record() != null) {
      written.put(RunOutput.RECORD.role(), files.record());
      Map<String, String> names = new LinkedHashMap<>();
      written.forEach((role, path) -> names.put(role, path.toString()));
      WeightsProvenance provenance =
          new WeightsProvenance(
              weights.source(),
              weights.sha256(),
              weights.format().name(),
              result.preprocessing().cliName(),
              weights.model().cliName(),
              fileFacts(weights.metadata()),
              fallbackNote(request, weights));
      RunRecordWriter.write(
          files.record(), new RunRecord(request, provenance, result, versions, names));
    }
    return written;
  }

  /** The fallback line when {@code request} runs on the layers that stand in for the defaults. */
  private static String fallbackNote(StyleTransferRequest request, VggWeights weights) {
    if (request.model() != weights.model()) {
      return null;
    }
    LayerFallback f = LayerFallback.forWeights(request.model(), weights);
    boolean used =
        f.fellBack()
            && (request.contentLayers().equals(f.contentLayers())
                || request.styleLayers().equals(f.styleLayers()));
    return used ? f.note() : null;
  }

  private static Map<String, String> fileFacts(Map<String, String> metadata) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (String key : List.of("input_convention", "network")) {
      if (metadata.containsKey(key)) {
        facts.put(key, metadata.get(key));
      }
    }
    return facts;
  }

  /**
   * The software versions a run record lists: {@code neuralStyle} ({@code toolVersion}), {@code
   * djl}, {@code engine} (starts the engine if needed), {@code java} and {@code os}.
   */
  public static Map<String, String> versions(String toolVersion) {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("neuralStyle", toolVersion);
    String djl = ai.djl.engine.Engine.getDjlVersion();
    versions.put("djl", djl == null ? "unknown" : djl);
    ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
    versions.put("engine", engine.getEngineName() + " " + engine.getVersion());
    versions.put("java", System.getProperty("java.version"));
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return versions;
  }

  /** The content | result | style(s) panel of {@code result}. */
  public static BufferedImage panel(StyleTransferResult result) {
    List<CaptionedImage> tiles = new ArrayList<>();
    tiles.add(new CaptionedImage("Content", result.content()));
    tiles.add(new CaptionedImage("Result", result.image()));
    List<BufferedImage> styles = result.styles();
    for (int i = 0; i < styles.size(); i++) {
      tiles.add(
          new CaptionedImage(styles.size() == 1 ? "Style" : "Style " + (i + 1), styles.get(i)));
    }
    return ComparisonPanel.render(tiles, Math.min(MAX_TILE_HEIGHT, result.image().getHeight()));
  }

  /** The loss curves (total and the weighted terms that add up to it) of {@code result}. */
  public static BufferedImage lossPlot(StyleTransferResult result) {
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
        "Loss per iteration (each term weighted, as it enters the total)",
        List.of("total", "content", "style", "tv"),
        List.of(total, content, style, tv),
        iterations,
        PLOT_WIDTH,
        PLOT_HEIGHT);
  }
}

package dev.neuralstyle.reproduce;

import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.transfer.Defaults;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Gatys et al. (2015), Fig. 1 top: the content photo reconstructed from white noise by matching
 * only its responses at one layer, for the paper's conv1_1 … conv5_1 (our relu1_1 … relu5_1) as far
 * as the weights reach. Low layers reproduce the exact pixels; higher layers keep the arrangement
 * of objects but lose detail.
 *
 * <p>Each run minimises the content loss alone (the paper's ½ Σ (F − P)², style and total-variation
 * weights 0) with L-BFGS.
 */
public final class ContentReconstruction {
  private final ConvParameters weights;
  private final Preprocessing convention;
  private final FigureSettings settings;

  /**
   * Reconstructs with {@code weights}, which expect inputs in {@code convention}.
   *
   * @param settings model, pooling, tile size, evaluations per tile and seed
   */
  public ContentReconstruction(
      ConvParameters weights, Preprocessing convention, FigureSettings settings) {
    this.weights = weights;
    this.convention = convention;
    this.settings = settings;
  }

  /** The layers that will be reconstructed (our names), in order. */
  public List<String> layers() {
    return PaperLayers.available(settings.model(), weights, PaperLayers.STYLE);
  }

  /**
   * Makes the figure: one row, the photo (at the tile size) and then one reconstruction per layer.
   *
   * @param content the content photo
   * @param progress receives each run's events
   * @param cancelled polled between iterations; once true, the remaining tiles stay empty
   */
  public FigureResult run(Path content, FigureProgress progress, BooleanSupplier cancelled) {
    List<String> layers = layers();
    List<String> omitted = PaperLayers.omitted(settings.model(), weights, PaperLayers.STYLE);
    BufferedImage photo =
        ImageResize.toMaxSide(
            ImageFiles.read(content, "content image", Defaults.MAX_PIXELS), settings.size());
    List<String> columns = new ArrayList<>();
    columns.add("photo");
    try (FigureAssembly figure =
        new FigureAssembly(
            weights, convention, 1, layers.size() + 1, layers.size(), progress, cancelled)) {
      figure.place(0, 0, photo);
      for (int i = 0; i < layers.size(); i++) {
        String layer = layers.get(i);
        String name = PaperLayers.paperName(layer);
        columns.add(name);
        figure.run(
            0,
            i + 1,
            "content-" + name,
            FigureAssembly.paperRecipe(settings)
                .content(content)
                .styles(List.of())
                .contentLayers(List.of(layer))
                .styleLayers(List.of())
                .contentWeight(1)
                .styleWeight(0)
                .build());
      }
      String note =
          Labels.join(
              PaperLayers.omissionNote(settings.model(), weights, omitted),
              "content loss only, from white noise",
              Labels.weightsNote(weights),
              Labels.settings(settings));
      return figure.build(
          "Content reconstructions (Gatys et al. 2015, Fig. 1 top)",
          List.of("content"),
          columns,
          note,
          omitted);
    }
  }
}

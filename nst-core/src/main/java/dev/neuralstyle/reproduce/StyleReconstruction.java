package dev.neuralstyle.reproduce;

import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
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
 * Gatys et al. (2015), Fig. 1 bottom and Fig. 3: the style of a painting reconstructed from white
 * noise by matching Gram matrices on growing sets of layers {conv1_1}, {conv1_1, conv2_1}, …
 * (texture synthesis, no content), and the grid of those layer sets × content/style ratios α/β as
 * full transfers. More layers match the texture at larger scales; a smaller α/β gives more texture
 * and less photo.
 */
public final class StyleReconstruction {
  /** The paper's ratios α/β of Fig. 3, left to right. */
  public static final List<Double> PAPER_RATIOS = List.of(1e-5, 1e-4, 1e-3, 1e-2);

  private final ConvParameters weights;
  private final Preprocessing convention;
  private final FigureSettings settings;

  /**
   * Reconstructs with {@code weights}, which expect inputs in {@code convention}.
   *
   * @param settings model, pooling, tile size, evaluations per tile and seed
   */
  public StyleReconstruction(
      ConvParameters weights, Preprocessing convention, FigureSettings settings) {
    this.weights = weights;
    this.convention = convention;
    this.settings = settings;
  }

  /** The growing layer sets the weights allow: {relu1_1}, {relu1_1, relu2_1}, … */
  public List<List<String>> layerSets() {
    List<String> available = PaperLayers.available(settings.model(), weights, PaperLayers.STYLE);
    List<List<String>> sets = new ArrayList<>();
    for (int n = 1; n <= available.size(); n++) {
      sets.add(List.copyOf(available.subList(0, n)));
    }
    return sets;
  }

  /**
   * Fig. 1 bottom: one row, the painting and then one style reconstruction per layer set, each of
   * the painting's size (longest side {@link FigureSettings#size()}) from white noise.
   */
  public FigureResult layers(Path style, FigureProgress progress, BooleanSupplier cancelled) {
    List<List<String>> sets = requireSets();
    BufferedImage painting =
        ImageResize.toMaxSide(
            ImageFiles.read(style, "style image", Defaults.MAX_PIXELS), settings.size());
    List<String> columns = new ArrayList<>();
    columns.add("painting");
    try (FigureAssembly figure =
        new FigureAssembly(
            weights, convention, 1, sets.size() + 1, sets.size(), progress, cancelled)) {
      figure.place(0, 0, painting);
      for (int i = 0; i < sets.size(); i++) {
        List<String> set = sets.get(i);
        columns.add(Labels.layerSet(set));
        figure.run(
            0,
            i + 1,
            "style-" + Labels.layerSetFileName(set),
            FigureAssembly.paperRecipe(settings)
                .content(null)
                .outputSize(painting.getWidth(), painting.getHeight())
                .styles(List.of(style))
                .contentLayers(List.of())
                .styleLayers(set)
                .contentWeight(0)
                .styleWeight(1)
                .build());
      }
      return figure.build(
          "Style reconstructions (Gatys et al. 2015, Fig. 1 bottom)",
          List.of("style"),
          columns,
          footnote("style loss only, from white noise"),
          omitted());
    }
  }

  /**
   * Fig. 3: rows are the growing layer sets, columns the ratios α/β; each cell is a transfer of the
   * painting's style onto the photo from white noise with content layer {@link
   * PaperLayers#contentLayer} (the paper's conv4_2 when the weights reach it).
   *
   * @param ratios α/β per column, for example {@link #PAPER_RATIOS}
   */
  public FigureResult ratios(
      Path content,
      Path style,
      List<Double> ratios,
      FigureProgress progress,
      BooleanSupplier cancelled) {
    List<List<String>> sets = requireSets();
    if (ratios.isEmpty()
        || ratios.stream().anyMatch(r -> r == null || !(r > 0) || r.isInfinite())) {
      throw SettingException.invalid("ratios", "give one or more numbers > 0");
    }
    String contentLayer = PaperLayers.contentLayer(settings.model(), weights);
    List<String> rows = new ArrayList<>();
    List<String> columns = ratios.stream().map(r -> "α/β = " + Labels.ratio(r)).toList();
    int runs = sets.size() * ratios.size();
    try (FigureAssembly figure =
        new FigureAssembly(
            weights, convention, sets.size(), ratios.size(), runs, progress, cancelled)) {
      for (int r = 0; r < sets.size(); r++) {
        List<String> set = sets.get(r);
        rows.add(Labels.layerSet(set));
        for (int c = 0; c < ratios.size(); c++) {
          figure.run(
              r,
              c,
              "transfer-" + Labels.layerSetFileName(set) + "-ratio-" + Labels.ratio(ratios.get(c)),
              FigureAssembly.paperRecipe(settings)
                  .content(content)
                  .styles(List.of(style))
                  .contentLayers(List.of(contentLayer))
                  .styleLayers(set)
                  .contentWeight(ratios.get(c))
                  .styleWeight(1)
                  .build());
        }
      }
      return figure.build(
          "Style layers × content/style ratio (Gatys et al. 2015, Fig. 3)",
          rows,
          columns,
          footnote(Labels.contentLayerNote(contentLayer)),
          omitted());
    }
  }

  private List<List<String>> requireSets() {
    List<List<String>> sets = layerSets();
    if (sets.isEmpty()) {
      throw new NstException("the weights have no conv1_1; use a VGG weights file");
    }
    return sets;
  }

  private List<String> omitted() {
    return PaperLayers.omitted(settings.model(), weights, PaperLayers.STYLE);
  }

  private String footnote(String what) {
    return Labels.join(
        PaperLayers.omissionNote(settings.model(), weights, omitted()),
        what,
        Labels.weightsNote(weights),
        Labels.settings(settings));
  }
}

package dev.neuralstyle.reproduce;

import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.transfer.Defaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Gatys et al. (2015), Fig. 2: one photo rendered in the styles of several paintings, each with the
 * paper's ratio α/β, content conv4_2 and style conv1_1 … conv5_1 (w_l = 1/5), as far as the weights
 * reach. The grid has the paintings on top and the photo and results below.
 */
public final class StylesFigure {
  /**
   * The paper's paintings B-F by file base name (as in the shared images) and their α/β: The
   * Shipwreck of the Minotaur, The Starry Night and Der Schrei 1e-3; Femme nue assise and
   * Composition VII 1e-4.
   */
  public static final Map<String, Double> PAPER_RATIOS = paperRatios();

  /** α/β for a painting the paper did not use. */
  public static final double DEFAULT_RATIO = 1e-3;

  private final ConvParameters weights;
  private final Preprocessing convention;
  private final FigureSettings settings;

  /**
   * Renders with {@code weights}, which expect inputs in {@code convention}.
   *
   * @param settings model, pooling, tile size, evaluations per tile and seed
   */
  public StylesFigure(ConvParameters weights, Preprocessing convention, FigureSettings settings) {
    this.weights = weights;
    this.convention = convention;
    this.settings = settings;
  }

  private static Map<String, Double> paperRatios() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("shipwreck", 1e-3);
    m.put("starry_night", 1e-3);
    m.put("the_scream", 1e-3);
    m.put("seated-nude", 1e-4);
    m.put("composition_vii", 1e-4);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The paper's α/β for {@code style} (by file base name), else {@link #DEFAULT_RATIO}. */
  public static double paperRatio(Path style) {
    return PAPER_RATIOS.getOrDefault(Labels.baseName(style), DEFAULT_RATIO);
  }

  /**
   * The paintings to use: a file as is; in a folder, those of the paper's five present (in the
   * paper's order B-F), or if none is, every image file in it sorted by name.
   *
   * @throws NstException if the folder has no image files
   */
  public static List<Path> pickStyles(Path fileOrFolder) {
    return StyleFolder.pick(fileOrFolder, PAPER_RATIOS.keySet());
  }

  /**
   * Makes the figure: column "A" is the photo, then one column per painting (B, C, …) with the
   * painting above its result.
   */
  public FigureResult run(
      Path content, List<Path> styles, FigureProgress progress, BooleanSupplier cancelled) {
    if (styles.isEmpty()) {
      throw SettingException.invalid("style", "at least one style image is required");
    }
    List<String> styleLayers = PaperLayers.available(settings.model(), weights, PaperLayers.STYLE);
    List<String> omitted = PaperLayers.omitted(settings.model(), weights, PaperLayers.STYLE);
    String contentLayer = PaperLayers.contentLayer(settings.model(), weights);
    long cap = Defaults.MAX_PIXELS;
    List<String> columns = new ArrayList<>();
    columns.add("A  photo");
    try (FigureAssembly figure =
        new FigureAssembly(
            weights, convention, 2, styles.size() + 1, styles.size(), progress, cancelled)) {
      figure.place(
          1,
          0,
          ImageResize.toMaxSide(ImageFiles.read(content, "content image", cap), settings.size()));
      for (int i = 0; i < styles.size(); i++) {
        Path style = styles.get(i);
        double ratio = paperRatio(style);
        String letter = String.valueOf((char) ('B' + Math.min(i, 24)));
        columns.add(letter + "  " + Labels.baseName(style) + "\nα/β = " + Labels.ratio(ratio));
        figure.place(
            0,
            i + 1,
            ImageResize.toMaxSide(ImageFiles.read(style, "style image", cap), settings.size()));
        figure.run(
            1,
            i + 1,
            "styles-" + letter + "-" + Labels.baseName(style).replaceAll("[^a-z0-9_-]", "_"),
            FigureAssembly.paperRecipe(settings)
                .content(content)
                .styles(List.of(style))
                .contentLayers(List.of(contentLayer))
                .styleLayers(styleLayers)
                .contentWeight(ratio)
                .styleWeight(1)
                .build());
      }
      String note =
          Labels.join(
              PaperLayers.omissionNote(settings.model(), weights, omitted),
              Labels.contentLayerNote(contentLayer),
              Labels.weightsNote(weights),
              Labels.settings(settings));
      return figure.build(
          "One photo, several styles (Gatys et al. 2015, Fig. 2)",
          List.of("painting", "result"),
          columns,
          note,
          omitted);
    }
  }
}

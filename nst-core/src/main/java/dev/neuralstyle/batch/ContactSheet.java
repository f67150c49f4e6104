package dev.neuralstyle.batch;

import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.output.render.ImageGrid;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch's contact sheet: one row per content image, one column per style image, each cell the
 * job's result; the first column shows the content photos and the first row the style images. Cells
 * without a result (failed, not yet run, another shard's) stay empty.
 */
public final class ContactSheet {
  /** The sheet's file name in the output directory. */
  public static final String FILE = "contact-sheet.png";

  /** Default cell size in pixels. */
  public static final int TILE = 160;

  private ContactSheet() {}

  /**
   * Renders the sheet of {@code jobs}.
   *
   * @param inputs reads an input image by location, or returns {@code null} if it cannot
   * @param results reads a job's result, or returns {@code null} when there is none
   * @param tile the side of each square cell
   */
  public static BufferedImage render(
      List<BatchJob> jobs,
      Function<String, BufferedImage> inputs,
      Function<BatchJob, BufferedImage> results,
      int tile) {
    List<String> contents = new ArrayList<>();
    List<String> styles = new ArrayList<>();
    Map<String, BatchJob> byPair = new LinkedHashMap<>();
    for (BatchJob j : jobs) {
      if (!contents.contains(j.content())) {
        contents.add(j.content());
      }
      if (!styles.contains(j.style())) {
        styles.add(j.style());
      }
      byPair.put(j.content() + "\n" + j.style(), j);
    }
    BufferedImage[][] tiles = new BufferedImage[contents.size() + 1][styles.size() + 1];
    List<String> rowLabels = new ArrayList<>(List.of("style"));
    List<String> columnLabels = new ArrayList<>(List.of("content"));
    for (int s = 0; s < styles.size(); s++) {
      tiles[0][s + 1] = thumbnail(inputs.apply(styles.get(s)), tile);
      columnLabels.add(BatchJob.stem(styles.get(s)));
    }
    for (int c = 0; c < contents.size(); c++) {
      tiles[c + 1][0] = thumbnail(inputs.apply(contents.get(c)), tile);
      rowLabels.add(BatchJob.stem(contents.get(c)));
      for (int s = 0; s < styles.size(); s++) {
        BatchJob j = byPair.get(contents.get(c) + "\n" + styles.get(s));
        tiles[c + 1][s + 1] = j == null ? null : thumbnail(results.apply(j), tile);
      }
    }
    return ImageGrid.render(
        "Batch: " + contents.size() + " contents x " + styles.size() + " styles",
        rowLabels,
        columnLabels,
        tiles,
        tile,
        null);
  }

  private static BufferedImage thumbnail(BufferedImage image, int tile) {
    return image == null ? null : ImageResize.toMaxSide(image, tile);
  }
}

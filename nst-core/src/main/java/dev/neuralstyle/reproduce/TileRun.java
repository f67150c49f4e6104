package dev.neuralstyle.reproduce;

import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.util.Objects;

/**
 * One run of a figure: where its tile sits, a file-safe name for saving it alone, and the request
 * and result (for the tile's image and its run record).
 *
 * @param row the tile's row in the grid
 * @param column the tile's column in the grid
 * @param name a file-safe name, unique within the figure, e.g. {@code content-conv2_1}
 * @param request what was run
 * @param result what came out
 */
public record TileRun(
    int row, int column, String name, StyleTransferRequest request, StyleTransferResult result) {
  /** Checks that nothing is null. */
  public TileRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(result, "result");
  }
}

package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.GramMatrix;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.transfer.TileGrid.Tile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FeatureNetwork} that computes a large image's responses tile by tile (windows with the
 * halo of {@link TileGrid}), for the fixed targets of a tiled stage: the result equals the whole
 * image's responses up to rounding, with the memory of one tile's forward pass plus what is kept.
 * {@link #extract} assembles whole maps; {@link #pass} keeps whole maps only of the layers that
 * need them (content targets) and of the others just the Gram matrix summed over the cores (style
 * targets), so that a print-size image never holds its 64-channel full-resolution maps. Not for
 * differentiation (the objective tiles itself, see {@link TiledObjective}); does not own {@code
 * base}.
 */
final class TiledFeatures implements FeatureNetwork {
  private final FeatureNetwork base;
  private final TilePlan plan;

  /**
   * What one tiled forward pass keeps.
   *
   * @param maps whole-image maps of the layers asked for as maps
   * @param grams per layer asked for as Gram matrices, G = F F^T summed over the cores (the paper's
   *     form: a sum over positions)
   * @param positions per Gram layer, the number of positions summed (the whole map's)
   */
  record Pass(Map<String, NDArray> maps, Map<String, NDArray> grams, Map<String, Long> positions) {}

  TiledFeatures(FeatureNetwork base, TilePlan plan) {
    this.base = base;
    this.plan = plan;
  }

  @Override
  public VggModel model() {
    return base.model();
  }

  @Override
  public PoolingMode pooling() {
    return base.pooling();
  }

  @Override
  public String deepestLayer() {
    return base.deepestLayer();
  }

  @Override
  public Map<String, NDArray> extract(NDArray image, Collection<String> layers) {
    return pass(image, layers, List.of()).maps();
  }

  /**
   * One forward pass over {@code image}'s tiles: whole maps of {@code mapLayers}, summed Gram
   * matrices of {@code gramLayers}. The arrays belong to the image's manager.
   */
  Pass pass(NDArray image, Collection<String> mapLayers, Collection<String> gramLayers) {
    int h = (int) image.getShape().get(2);
    int w = (int) image.getShape().get(3);
    NDManager owner = image.getManager();
    Set<String> all = new LinkedHashSet<>(mapLayers);
    all.addAll(gramLayers);
    Map<String, NDArray> grams = new LinkedHashMap<>();
    Map<String, Long> positions = new LinkedHashMap<>();
    if (all.isEmpty()) {
      return new Pass(Map.of(), grams, positions);
    }
    boolean whole = Math.max(w, h) <= plan.tile() + 2 * plan.halo();
    TileGrid grid =
        whole
            ? new TileGrid(List.of(new Tile(0, 0, w, h, 0, 0, 0, 0)))
            : TileGrid.of(w, h, plan.tile(), plan.halo(), plan.align(), null, false);
    Map<String, List<List<NDArray>>> rows = new LinkedHashMap<>();
    int rowY = -1;
    for (Tile tile : grid.tiles()) {
      boolean newRow = tile.y() != rowY;
      rowY = tile.y();
      try (NDManager t = owner.newSubManager()) {
        NDArray window =
            whole
                ? image
                : image.get(
                    ":, :, {}:{}, {}:{}",
                    tile.y() - tile.padTop(),
                    tile.y() + tile.height() + tile.padBottom(),
                    tile.x() - tile.padLeft(),
                    tile.x() + tile.width() + tile.padRight());
        if (!whole) {
          window.attach(t);
        }
        Map<String, NDArray> found = base.extract(window, all);
        if (whole) {
          found.values().forEach(a -> a.attach(t));
        }
        for (Map.Entry<String, NDArray> e : found.entrySet()) {
          NDArray core = core(e.getValue(), tile, e.getKey());
          if (gramLayers.contains(e.getKey())) {
            NDArray g = GramMatrix.of(core, LossForm.PAPER);
            positions.merge(e.getKey(), GramMatrix.positions(core), Long::sum);
            NDArray sum = grams.get(e.getKey());
            if (sum == null) {
              g.attach(owner);
              grams.put(e.getKey(), g);
            } else {
              sum.addi(g);
            }
          }
          if (mapLayers.contains(e.getKey())) {
            NDArray kept = core.duplicate();
            kept.attach(owner);
            List<List<NDArray>> r = rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            if (newRow) {
              r.add(new ArrayList<>());
            }
            r.get(r.size() - 1).add(kept);
          }
        }
      }
    }
    Map<String, NDArray> maps = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<NDArray>>> e : rows.entrySet()) {
      maps.put(e.getKey(), assemble(e.getValue()));
    }
    return new Pass(maps, grams, positions);
  }

  /** The core positions of a layer's map computed over the tile's window. */
  private NDArray core(NDArray map, Tile tile, String layer) {
    int s = TilePlan.stride(model().layerNames(), layer);
    int x0 = tile.padLeft() / s;
    int y0 = tile.padTop() / s;
    long x1 = tile.padRight() == 0 ? map.getShape().get(3) : (tile.padLeft() + tile.width()) / s;
    long y1 = tile.padBottom() == 0 ? map.getShape().get(2) : (tile.padTop() + tile.height()) / s;
    return map.get(":, :, {}:{}, {}:{}", y0, y1, x0, x1);
  }

  private static NDArray assemble(List<List<NDArray>> rows) {
    if (rows.size() == 1 && rows.get(0).size() == 1) {
      return rows.get(0).get(0);
    }
    NDList assembled = new NDList();
    for (List<NDArray> row : rows) {
      NDArray joined = NDArrays.concat(new NDList(row), 3);
      row.forEach(NDArray::close);
      assembled.add(joined);
    }
    NDArray map = NDArrays.concat(assembled, 2);
    assembled.forEach(NDArray::close);
    return map;
  }

  /** Leaves {@code base} open: it belongs to the run. */
  @Override
  public void close() {}
}

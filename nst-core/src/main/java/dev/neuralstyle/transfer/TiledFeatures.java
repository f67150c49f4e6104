package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.neuralstyle.features.FeatureNetwork;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.transfer.TileGrid.Tile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FeatureNetwork} that computes a large image's responses tile by tile (windows with the
 * halo of {@link TileGrid}) and assembles the cores, for the fixed targets of a tiled stage: the
 * result equals the whole image's responses up to rounding, with the memory of one tile's forward
 * pass plus the returned maps. Not for differentiation (the objective tiles itself, see {@link
 * TiledObjective}); does not own {@code base}.
 */
final class TiledFeatures implements FeatureNetwork {
  private final FeatureNetwork base;
  private final TilePlan plan;

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
    int h = (int) image.getShape().get(2);
    int w = (int) image.getShape().get(3);
    if (Math.max(w, h) <= plan.tile() + 2 * plan.halo()) {
      return base.extract(image, layers);
    }
    NDManager owner = image.getManager();
    TileGrid grid = TileGrid.of(w, h, plan.tile(), plan.halo(), plan.align(), 0, 0, false);
    Map<String, List<List<NDArray>>> rows = new LinkedHashMap<>();
    int rowY = -1;
    for (Tile tile : grid.tiles()) {
      boolean newRow = tile.y() != rowY;
      rowY = tile.y();
      try (NDManager t = owner.newSubManager()) {
        NDArray window =
            image.get(
                ":, :, {}:{}, {}:{}",
                tile.y() - tile.padTop(),
                tile.y() + tile.height() + tile.padBottom(),
                tile.x() - tile.padLeft(),
                tile.x() + tile.width() + tile.padRight());
        window.attach(t);
        for (Map.Entry<String, NDArray> e : base.extract(window, layers).entrySet()) {
          int s = TilePlan.stride(model().layerNames(), e.getKey());
          NDArray map = e.getValue();
          int x0 = tile.padLeft() / s;
          int y0 = tile.padTop() / s;
          int x1 = tile.padRight() == 0 ? -1 : (tile.padLeft() + tile.width()) / s;
          int y1 = tile.padBottom() == 0 ? -1 : (tile.padTop() + tile.height()) / s;
          NDArray core =
              map.get(
                      ":, :, {}:{}, {}:{}",
                      y0,
                      y1 < 0 ? map.getShape().get(2) : y1,
                      x0,
                      x1 < 0 ? map.getShape().get(3) : x1)
                  .duplicate();
          core.attach(owner);
          List<List<NDArray>> r = rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
          if (newRow) {
            r.add(new ArrayList<>());
          }
          r.get(r.size() - 1).add(core);
        }
      }
    }
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<NDArray>>> e : rows.entrySet()) {
      NDList assembled = new NDList();
      for (List<NDArray> row : e.getValue()) {
        NDArray joined = NDArrays.concat(new NDList(row), 3);
        row.forEach(NDArray::close);
        assembled.add(joined);
      }
      NDArray map = NDArrays.concat(assembled, 2);
      assembled.forEach(NDArray::close);
      out.put(e.getKey(), map);
    }
    return out;
  }

  /** Leaves {@code base} open: it belongs to the run. */
  @Override
  public void close() {}
}

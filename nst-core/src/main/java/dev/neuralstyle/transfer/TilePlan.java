package dev.neuralstyle.transfer;

import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.optimize.OptimizerKind;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * How one stage is optimised: whole, or in tiles (see {@link TiledObjective}), and why. Chosen per
 * stage next to its memory estimate: {@code --tile PX} tiles every stage whose longer side exceeds
 * PX; without it ({@code --tile 0}), a stage is tiled only when its whole-image estimate exceeds
 * the memory available and a tile size fits, the largest that does. Coarse stages fit and stay
 * whole. Stages with spatial control (masks) always stay whole.
 *
 * @param width stage width
 * @param height stage height
 * @param tile the tile core in pixels, or 0 for a whole-image stage
 * @param halo pixels each tile's window adds on every side (the receptive field of the deepest
 *     layer, rounded up to {@code align})
 * @param align 2 to the number of poolings up to the deepest layer: tile edges lie on multiples
 * @param reason {@code fits}, {@code --tile} or {@code memory}: why the stage is whole or tiled (or
 *     why its optimiser settings differ from the request's)
 * @param estimateBytes the stage's memory estimate as planned (tiled or whole)
 * @param optimizer the stage's optimiser: the request's, or Adam when L-BFGS cannot fit
 * @param history the stage's L-BFGS history: the request's, or shorter to fit the memory
 */
public record TilePlan(
    int width,
    int height,
    int tile,
    int halo,
    int align,
    String reason,
    long estimateBytes,
    OptimizerKind optimizer,
    int history) {
  /** Core sizes tried, largest first, when the memory estimate asks for tiles. */
  private static final int[] AUTO_TILES = {2048, 1536, 1024, 768, 512, 384, 256, 128};

  /** The shortest L-BFGS history the plan gives a stage before it turns to Adam. */
  static final int MIN_HISTORY = 5;

  /**
   * The smallest core the plan prefers when it must also shorten the history: below it the halos
   * cost more than a shorter history (a 512 px core with relu3_1's 16 px halo computes 13% more
   * pixels; a 128 px one 56%).
   */
  private static final int EFFICIENT_TILE = 512;

  /** Whether the stage is optimised in tiles. */
  public boolean tiled() {
    return tile > 0;
  }

  /** One line for logs and the run record's reader. */
  public String describe() {
    String how =
        tiled()
            ? String.format(Locale.ROOT, "in tiles of %d px + %d px halo", tile, halo)
            : "whole";
    String opt =
        optimizer == OptimizerKind.LBFGS
            ? "L-BFGS history " + history
            : optimizer.name().toLowerCase(Locale.ROOT);
    return String.format(
        Locale.ROOT,
        "%dx%d %s, %s (%s), about %.1f GB",
        width,
        height,
        how,
        opt,
        reason,
        estimateBytes / 1e9);
  }

  /**
   * Whether the plan changed the request's optimiser settings (a shorter L-BFGS history, or Adam in
   * place of L-BFGS) to fit the memory.
   */
  public boolean changesOptimizer(StyleTransferRequest r) {
    return optimizer != r.optimizer()
        || (optimizer == OptimizerKind.LBFGS && history != r.lbfgsHistory());
  }

  /** The plan for a {@code width x height} stage of {@code request} up to {@code deepest}. */
  static TilePlan choose(StyleTransferRequest request, String deepest, int width, int height) {
    return choose(request, deepest, width, height, MemoryEstimate.available());
  }

  /**
   * The plan within {@code available} bytes: whole with the requested optimiser if it fits; else
   * tiled with it, the largest tile of at least 512 px that fits (or the {@code --tile} asked for);
   * else, for L-BFGS, the longest history down to {@link #MIN_HISTORY} that fits with such a tile,
   * then Adam (4 image-sized arrays instead of 2 per history pair); then the same with any tile.
   * When nothing fits the plan is whole with the request's settings and the estimate over {@code
   * available}, which {@link MemoryEstimate#checkRun} refuses before any work.
   */
  static TilePlan choose(
      StyleTransferRequest r, String deepest, int width, int height, OptionalLong available) {
    long limit = available.isPresent() ? available.getAsLong() : Long.MAX_VALUE;
    TilePlan asked = choose(r, deepest, width, height, limit, r.optimizer(), r.lbfgsHistory(), 0);
    if (available.isEmpty() || (asked.estimateBytes() <= limit && asked.tile() == 0)) {
      return asked;
    }
    for (int minTile : new int[] {EFFICIENT_TILE, 0}) {
      if (r.optimizer() == OptimizerKind.LBFGS) {
        for (int h = r.lbfgsHistory(); h >= MIN_HISTORY; h--) {
          TilePlan p = choose(r, deepest, width, height, limit, OptimizerKind.LBFGS, h, minTile);
          if (p.estimateBytes() <= limit) {
            return p;
          }
        }
      }
      TilePlan p =
          r.optimizer() == OptimizerKind.LBFGS
              ? choose(r, deepest, width, height, limit, OptimizerKind.ADAM, 0, minTile)
              : choose(r, deepest, width, height, limit, r.optimizer(), r.lbfgsHistory(), minTile);
      if (p.estimateBytes() <= limit) {
        return p;
      }
    }
    return asked;
  }

  private static TilePlan choose(
      StyleTransferRequest r,
      String deepest,
      int width,
      int height,
      long limit,
      OptimizerKind opt,
      int history,
      int minTile) {
    VggModel model = r.model();
    List<String> upTo = model.layerNames().subList(0, model.indexOf(deepest) + 1);
    int align = stride(model.layerNames(), deepest);
    int halo = roundUp(TileGrid.receptiveRadius(upTo), align);
    int side = Math.max(width, height);
    long whole = MemoryEstimate.bytes(model, deepest, width, height, opt, history);
    boolean masked = r.contentMask() != null;
    boolean changed =
        opt != r.optimizer() || (opt == OptimizerKind.LBFGS && history != r.lbfgsHistory());
    if (r.tile() > 0 && side > r.tile() && !masked) {
      int core = Math.max(align, r.tile() / align * align);
      return new TilePlan(
          width,
          height,
          core,
          halo,
          align,
          changed ? "--tile, memory" : "--tile",
          tiled(r, deepest, width, height, core + 2 * halo, opt, history),
          opt,
          history);
    }
    if (whole <= limit || r.tile() > 0 || masked) {
      return new TilePlan(
          width, height, 0, halo, align, changed ? "memory" : "fits", whole, opt, history);
    }
    for (int t : AUTO_TILES) {
      int core = Math.max(align, t / align * align);
      long bytes = tiled(r, deepest, width, height, core + 2 * halo, opt, history);
      if (core < side && core >= minTile && bytes <= limit) {
        return new TilePlan(width, height, core, halo, align, "memory", bytes, opt, history);
      }
    }
    return new TilePlan(width, height, 0, halo, align, "fits", whole, opt, history);
  }

  private static long tiled(
      StyleTransferRequest r,
      String deepest,
      int w,
      int h,
      int window,
      OptimizerKind opt,
      int history) {
    return MemoryEstimate.tiledBytes(
        r.model(),
        r.contentLayers(),
        deepest,
        w,
        h,
        Math.min(window, w),
        Math.min(window, h),
        opt,
        history);
  }

  /** 2 to the number of poolings up to and including {@code layer} in {@code layerNames}. */
  static int stride(List<String> layerNames, String layer) {
    int s = 1;
    for (String name : layerNames.subList(0, layerNames.indexOf(layer) + 1)) {
      if (name.startsWith("pool")) {
        s *= 2;
      }
    }
    return s;
  }

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }
}

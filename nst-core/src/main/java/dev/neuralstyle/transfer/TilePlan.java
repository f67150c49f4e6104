package dev.neuralstyle.transfer;

import dev.neuralstyle.features.VggModel;
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
 * @param reason {@code fits}, {@code --tile} or {@code memory}: why the stage is whole or tiled
 * @param estimateBytes the stage's memory estimate as planned (tiled or whole)
 */
public record TilePlan(
    int width, int height, int tile, int halo, int align, String reason, long estimateBytes) {
  /** Core sizes tried, largest first, when the memory estimate asks for tiles. */
  private static final int[] AUTO_TILES = {2048, 1536, 1024, 768, 512, 384, 256, 128};

  /** Whether the stage is optimised in tiles. */
  public boolean tiled() {
    return tile > 0;
  }

  /** One line for logs and the run record's reader. */
  public String describe() {
    return tiled()
        ? String.format(
            Locale.ROOT,
            "%dx%d in tiles of %d px + %d px halo (%s), about %.1f GB",
            width,
            height,
            tile,
            halo,
            reason,
            estimateBytes / 1e9)
        : String.format(
            Locale.ROOT,
            "%dx%d whole (%s), about %.1f GB",
            width,
            height,
            reason,
            estimateBytes / 1e9);
  }

  /** The plan for a {@code width x height} stage of {@code request} up to {@code deepest}. */
  static TilePlan choose(StyleTransferRequest request, String deepest, int width, int height) {
    return choose(request, deepest, width, height, MemoryEstimate.available());
  }

  static TilePlan choose(
      StyleTransferRequest r, String deepest, int width, int height, OptionalLong available) {
    VggModel model = r.model();
    List<String> upTo = model.layerNames().subList(0, model.indexOf(deepest) + 1);
    int align = stride(model.layerNames(), deepest);
    int halo = roundUp(TileGrid.receptiveRadius(upTo), align);
    int side = Math.max(width, height);
    long whole =
        MemoryEstimate.bytes(model, deepest, width, height, r.optimizer(), r.lbfgsHistory());
    boolean masked = r.contentMask() != null;
    if (r.tile() > 0 && side > r.tile() && !masked) {
      int core = Math.max(align, r.tile() / align * align);
      return new TilePlan(
          width,
          height,
          core,
          halo,
          align,
          "--tile",
          tiled(r, deepest, width, height, core + 2 * halo));
    }
    if (r.tile() > 0 || masked || available.isEmpty() || whole <= available.getAsLong()) {
      return new TilePlan(width, height, 0, halo, align, "fits", whole);
    }
    for (int t : AUTO_TILES) {
      int core = Math.max(align, t / align * align);
      long bytes = tiled(r, deepest, width, height, core + 2 * halo);
      if (core < side && bytes <= available.getAsLong()) {
        return new TilePlan(width, height, core, halo, align, "memory", bytes);
      }
    }
    return new TilePlan(width, height, 0, halo, align, "fits", whole); // refused by the check
  }

  private static long tiled(StyleTransferRequest r, String deepest, int w, int h, int window) {
    return MemoryEstimate.tiledBytes(
        r.model(),
        deepest,
        w,
        h,
        Math.min(window, w),
        Math.min(window, h),
        r.optimizer(),
        r.lbfgsHistory());
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

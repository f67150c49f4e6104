package dev.neuralstyle.video;

/**
 * The per-pixel weights {@code c} of the temporal loss (Ruder, Dosovitskiy and Brox 2016, arXiv
 * 1604.08610, section 3.2, after Sundaram et al. 2010): 0 where the forward-backward check fails, 1
 * elsewhere. With the backward flow {@code ŵ = (û, v̂)} (frame i to frame i-1), the forward flow
 * {@code w} (frame i-1 to frame i) and {@code w̃(x) = w(x + ŵ(x))}, a pixel of frame i is
 *
 * <ul>
 *   <li>disoccluded when {@code |w̃ + ŵ|² > 0.01 (|w̃|² + |ŵ|²) + 0.5},
 *   <li>on a motion boundary when {@code |∇û|² + |∇v̂|² > 0.01 |ŵ|² + 0.002},
 * </ul>
 *
 * and gets weight 0 in both cases. A pixel whose backward flow points outside frame i-1 (content
 * that entered the picture) has no forward flow to check against and gets 0 too, and so does the
 * rim of {@link #BORDER} pixels along the frame's edges.
 */
public final class ConsistencyMask {
  /**
   * Width in pixels of the rim that gets weight 0 whatever the flows say. Differs from Ruder et al.
   * (2016): along the edges the stylised result carries an offset of its own (the network's zero
   * padding), and holding the rim to the previous result carried that offset forward: on a
   * sub-pixel pan over the Tübingen photo the left column's colour offset from the content frame
   * drifted from -3 to -27 levels over the frames (bench/video/edge_bands.py); with the rim free
   * and the start image's rim taken from the content frame ({@link Warp#startImage}) it stays at
   * about -4.
   */
  public static final int BORDER = 1;

  private ConsistencyMask() {}

  /**
   * The mask of frame i, one value in {0, 1} per pixel, row-major.
   *
   * @param forward flow from frame i-1 to frame i
   * @param backward flow from frame i to frame i-1
   */
  public static float[] compute(FlowField forward, FlowField backward) {
    int w = backward.width();
    int h = backward.height();
    if (forward.width() != w || forward.height() != h) {
      throw new IllegalArgumentException("forward and backward flows differ in size");
    }
    float[] u = backward.dx();
    float[] v = backward.dy();
    float[] mask = new float[w * h];
    for (int y = BORDER; y < h - BORDER; y++) {
      for (int x = BORDER; x < w - BORDER; x++) {
        int i = y * w + x;
        float px = x + u[i];
        float py = y + v[i];
        if (!backward.inside(px, py)) {
          continue; // entered the picture: nothing in frame i-1 to be consistent with
        }
        float fu = FlowField.sample(forward.dx(), w, h, px, py);
        float fv = FlowField.sample(forward.dy(), w, h, px, py);
        float su = fu + u[i];
        float sv = fv + v[i];
        double back2 = u[i] * u[i] + v[i] * v[i];
        boolean disoccluded = su * su + sv * sv > 0.01 * (fu * fu + fv * fv + back2) + 0.5;
        double grad2 = gradient2(u, w, h, x, y) + gradient2(v, w, h, x, y);
        boolean boundary = grad2 > 0.01 * back2 + 0.002;
        mask[i] = disoccluded || boundary ? 0f : 1f;
      }
    }
    return mask;
  }

  /**
   * The long-term weights of Ruder et al. eq. (8): for the earlier frames {@code i - j}, {@code j}
   * in increasing order, {@code c_long(i, i-j) = max(c(i, i-j) - sum_{l < j} c(i, i-l), 0)}, so
   * each pixel is matched against the closest earlier frame in which it was visible. The input
   * masks are not modified.
   *
   * @param masks {@code c(i, i-j)} for increasing {@code j}
   */
  public static float[][] longTerm(float[][] masks) {
    float[][] out = new float[masks.length][];
    float[] covered = masks.length == 0 ? new float[0] : new float[masks[0].length];
    for (int k = 0; k < masks.length; k++) {
      out[k] = new float[masks[k].length];
      for (int i = 0; i < covered.length; i++) {
        out[k][i] = Math.max(masks[k][i] - covered[i], 0f);
      }
      for (int i = 0; i < covered.length; i++) {
        covered[i] += masks[k][i];
      }
    }
    return out;
  }

  /** Squared gradient magnitude of plane {@code p} at (x, y), central differences inside. */
  private static double gradient2(float[] p, int w, int h, int x, int y) {
    int xl = Math.max(0, x - 1);
    int xr = Math.min(w - 1, x + 1);
    int yu = Math.max(0, y - 1);
    int yd = Math.min(h - 1, y + 1);
    double gx = xr == xl ? 0 : (p[y * w + xr] - p[y * w + xl]) / (double) (xr - xl);
    double gy = yd == yu ? 0 : (p[yd * w + x] - p[yu * w + x]) / (double) (yd - yu);
    return gx * gx + gy * gy;
  }
}

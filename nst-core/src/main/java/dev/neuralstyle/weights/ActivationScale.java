package dev.neuralstyle.weights;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The activation scale of a VGG network's first layers: for relu1_1, relu1_2, relu2_1 and relu2_2,
 * the median over filters of each filter's mean rectified response over the positions of a fixed
 * probe image. Gatys et al. (2015) normalised their VGG so that every filter's mean response over
 * ImageNet is 1; the original Caffe VGG-19's medians are 15 to 120 at these layers on photos
 * (measured on the shared images), so the scale tells the two apart without any image from the
 * user.
 *
 * <p>The probe is a 32 x 32 "dead leaves" image (occluding discs with power-law radii and random
 * colours, plus a little noise), whose edge and flat-area statistics resemble natural images'. It
 * is fed in Caffe's convention (BGR 0..255 minus the mean). Plain Java, no engine: about 0.1 G
 * multiply-adds.
 */
final class ActivationScale {
  /** The probed convolutions, in forward order; a max pool of 2 follows conv1_2. */
  static final List<String> LAYERS = List.of("conv1_1", "conv1_2", "conv2_1", "conv2_2");

  private static final int SIDE = 32;
  private static final long SEED = 20150826L; // the paper's arXiv date; any fixed seed will do
  private static final double[] CAFFE_MEAN_BGR = {103.939, 116.779, 123.68};

  private ActivationScale() {}

  /**
   * The median mean response per probed layer ({@code relu1_1} …), for the leading run of {@link
   * #LAYERS} that {@code convs} holds; empty without conv1_1.
   */
  static Map<String, Double> medians(Map<String, ConvWeights> convs) {
    Map<String, Double> out = new LinkedHashMap<>();
    float[][] x = probe();
    int side = SIDE;
    for (String layer : LAYERS) {
      ConvWeights c = convs.get(layer);
      if (c == null || c.inChannels() != x.length || c.shape()[2] != 3 || c.shape()[3] != 3) {
        break;
      }
      x = convRelu(x, side, c);
      out.put("relu" + layer.substring(4), median(meanPerChannel(x)));
      if (layer.equals("conv1_2")) {
        x = maxPool(x, side);
        side /= 2;
      }
    }
    return out;
  }

  /** The probe image in Caffe's convention: 3 planes (B, G, R) of SIDE x SIDE, minus the mean. */
  static float[][] probe() {
    SplittableRandom random = new SplittableRandom(SEED);
    float[][] rgb = new float[3][SIDE * SIDE];
    boolean[] covered = new boolean[SIDE * SIDE];
    int left = SIDE * SIDE;
    // Dead leaves, front to back: a disc only paints the pixels no earlier disc covered.
    for (int disc = 0; disc < 4000 && left > 0; disc++) {
      double r = 1.5 / Math.sqrt(1 - random.nextDouble() * (1 - Math.pow(1.5 / 24, 2)));
      double cx = random.nextDouble() * SIDE;
      double cy = random.nextDouble() * SIDE;
      double grey = 20 + 215 * random.nextDouble();
      double[] colour = new double[3];
      for (int ch = 0; ch < 3; ch++) {
        colour[ch] = Math.max(0, Math.min(255, grey + 60 * (random.nextDouble() - 0.5)));
      }
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int p = y * SIDE + x;
          if (!covered[p] && Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) {
            covered[p] = true;
            left--;
            for (int ch = 0; ch < 3; ch++) {
              rgb[ch][p] = (float) colour[ch];
            }
          }
        }
      }
    }
    float[][] bgr = new float[3][SIDE * SIDE];
    for (int ch = 0; ch < 3; ch++) {
      for (int p = 0; p < SIDE * SIDE; p++) {
        double noisy = rgb[2 - ch][p] + 8 * (random.nextDouble() - 0.5);
        bgr[ch][p] = (float) (Math.max(0, Math.min(255, noisy)) - CAFFE_MEAN_BGR[ch]);
      }
    }
    return bgr;
  }

  /** A 3 x 3 convolution with zero padding 1 and stride 1, then ReLU, on side x side planes. */
  static float[][] convRelu(float[][] in, int side, ConvWeights c) {
    FloatBuffer w = c.weightBuffer();
    FloatBuffer b = c.biasBuffer();
    int outs = c.outChannels();
    float[][] out = new float[outs][side * side];
    for (int o = 0; o < outs; o++) {
      float[] acc = out[o];
      java.util.Arrays.fill(acc, b.get(o));
      for (int i = 0; i < in.length; i++) {
        float[] plane = in[i];
        for (int ky = 0; ky < 3; ky++) {
          for (int kx = 0; kx < 3; kx++) {
            float k = w.get(((o * in.length + i) * 3 + ky) * 3 + kx);
            int x0 = Math.max(0, 1 - kx);
            int x1 = Math.min(side, side + 1 - kx);
            for (int y = Math.max(0, 1 - ky); y < Math.min(side, side + 1 - ky); y++) {
              int src = (y + ky - 1) * side + kx - 1;
              int dst = y * side;
              for (int x = x0; x < x1; x++) {
                acc[dst + x] += k * plane[src + x];
              }
            }
          }
        }
      }
      for (int p = 0; p < acc.length; p++) {
        acc[p] = Math.max(0, acc[p]);
      }
    }
    return out;
  }

  private static float[][] maxPool(float[][] in, int side) {
    int half = side / 2;
    float[][] out = new float[in.length][half * half];
    for (int ch = 0; ch < in.length; ch++) {
      for (int y = 0; y < half; y++) {
        for (int x = 0; x < half; x++) {
          int p = 2 * y * side + 2 * x;
          float[] v = in[ch];
          out[ch][y * half + x] =
              Math.max(Math.max(v[p], v[p + 1]), Math.max(v[p + side], v[p + side + 1]));
        }
      }
    }
    return out;
  }

  private static double[] meanPerChannel(float[][] maps) {
    double[] means = new double[maps.length];
    for (int ch = 0; ch < maps.length; ch++) {
      double sum = 0;
      for (float v : maps[ch]) {
        sum += v;
      }
      means[ch] = sum / maps[ch].length;
    }
    return means;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

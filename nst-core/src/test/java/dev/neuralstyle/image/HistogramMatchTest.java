package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistogramMatchTest {
  /** Correlated colours: a random grey level plus channel-specific noise and offsets. */
  private static RgbPixels correlated(int n, long seed, double spread, double tint) {
    Random random = new Random(seed);
    float[] r = new float[n];
    float[] g = new float[n];
    float[] b = new float[n];
    for (int k = 0; k < n; k++) {
      double base = random.nextDouble();
      r[k] = (float) (base * spread + 0.1 * random.nextGaussian() + tint);
      g[k] = (float) (base * 0.5 + 0.2 * random.nextDouble());
      b[k] = (float) (1 - base * spread + 0.05 * random.nextGaussian() - tint);
    }
    return new RgbPixels(n, 1, r, g, b);
  }

  /** Mean and covariance computed independently of the code under test: {mean[3], cov[9]}. */
  private static double[][] stats(RgbPixels p) {
    float[][] c = {p.r(), p.g(), p.b()};
    int n = p.size();
    double[] mean = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < n; k++) {
        mean[i] += c[i][k] / (double) n;
      }
    }
    double[] cov = new double[9];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          cov[3 * i + j] += (c[i][k] - mean[i]) * (c[j][k] - mean[j]) / n;
        }
      }
    }
    return new double[][] {mean, cov};
  }

  @ParameterizedTest
  @EnumSource(HistogramMatch.class)
  void styleGetsTheContentMeanAndCovariance(HistogramMatch mode) {
    RgbPixels style = correlated(4000, 1, 0.8, 0.1);
    RgbPixels content = correlated(3000, 2, 0.3, -0.05);
    RgbPixels matched = ColorSpaces.matchHistogram(style, content, mode);
    double[][] want = stats(content);
    double[][] got = stats(matched);
    for (int i = 0; i < 3; i++) {
      assertEquals(want[0][i], got[0][i], 1e-4, "mean " + i);
    }
    for (int i = 0; i < 9; i++) {
      assertEquals(want[1][i], got[1][i], 1e-4, "covariance " + i);
    }
    // Far from trivially true: the style started with different statistics.
    double[][] before = stats(style);
    assertEquals(true, Math.abs(before[1][0] - want[1][0]) > 0.01);
  }

  @ParameterizedTest
  @EnumSource(HistogramMatch.class)
  void flatStyleDoesNotBlowUp(HistogramMatch mode) {
    RgbPixels flat = RgbPixels.of(TestImages.solid(5, 5, 0x336699));
    RgbPixels content = RgbPixels.of(TestImages.noise(5, 5, 3));
    RgbPixels matched = ColorSpaces.matchHistogram(flat, content, mode);
    for (float v : matched.r()) {
      assertEquals(true, Float.isFinite(v));
    }
  }

  @ParameterizedTest
  @EnumSource(HistogramMatch.class)
  void imageVersionKeepsTheStyleSize(HistogramMatch mode) {
    BufferedImage style = TestImages.noise(12, 8, 4);
    BufferedImage out = ColorSpaces.matchHistogram(style, TestImages.noise(5, 5, 5), mode);
    assertEquals(12, out.getWidth());
    assertEquals(8, out.getHeight());
  }
}

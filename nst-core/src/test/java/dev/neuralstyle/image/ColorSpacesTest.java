package dev.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColorSpacesTest {
  static RgbPixels random(int w, int h, long seed) {
    Random random = new Random(seed);
    int n = w * h;
    float[] r = new float[n];
    float[] g = new float[n];
    float[] b = new float[n];
    for (int k = 0; k < n; k++) {
      r[k] = random.nextFloat();
      g[k] = random.nextFloat();
      b[k] = random.nextFloat();
    }
    return new RgbPixels(w, h, r, g, b);
  }

  @Test
  void yiqAndYuvRoundTrip() {
    RgbPixels p = random(13, 11, 1);
    float[][] yiq = ColorSpaces.rgbToYiq(p);
    RgbPixels back = ColorSpaces.yiqToRgb(13, 11, yiq[0], yiq[1], yiq[2]);
    assertArrayEquals(p.r(), back.r(), 1e-5f);
    assertArrayEquals(p.g(), back.g(), 1e-5f);
    assertArrayEquals(p.b(), back.b(), 1e-5f);
    float[][] yuv = ColorSpaces.rgbToYuv(p);
    back = ColorSpaces.yuvToRgb(13, 11, yuv[0], yuv[1], yuv[2]);
    assertArrayEquals(p.r(), back.r(), 1e-5f);
    assertArrayEquals(p.b(), back.b(), 1e-5f);
    assertArrayEquals(yiq[0], yuv[0], 1e-6f);
  }

  @Test
  void knownValues() {
    RgbPixels colours =
        new RgbPixels(
            3, 1, new float[] {1, 1, 0.5f}, new float[] {1, 0, 0.5f}, new float[] {1, 0, 0.5f});
    float[][] yiq = ColorSpaces.rgbToYiq(colours);
    assertArrayEquals(new float[] {1f, 0.299f, 0.5f}, yiq[0], 1e-6f);
    assertEquals(0f, yiq[1][0], 1e-5f);
    assertEquals(0f, yiq[2][2], 1e-5f);
    float[][] yuv = ColorSpaces.rgbToYuv(colours);
    assertEquals(-0.14713f, yuv[1][1], 1e-4f);
    assertEquals(0.615f, yuv[2][1], 1e-3f);
    assertArrayEquals(yiq[0], ColorSpaces.luminance(colours), 0f);
  }

  @Test
  void chromaSwapKeepsStyledLuminanceAndContentChroma() {
    RgbPixels styled = random(9, 7, 2);
    RgbPixels content = random(9, 7, 3);
    RgbPixels out = ColorSpaces.chromaSwap(styled, content);
    float[][] o = ColorSpaces.rgbToYiq(out);
    float[][] c = ColorSpaces.rgbToYiq(content);
    assertArrayEquals(ColorSpaces.luminance(styled), o[0], 1e-5f);
    assertArrayEquals(c[1], o[1], 1e-5f);
    assertArrayEquals(c[2], o[2], 1e-5f);
    assertThrows(
        IllegalArgumentException.class, () -> ColorSpaces.chromaSwap(styled, random(7, 9, 4)));
  }

  @Test
  void chromaSwapOnImagesResizesContent() {
    BufferedImage styled = TestImages.solid(8, 6, 0x808080);
    BufferedImage content = TestImages.solid(4, 3, 0x40A060);
    BufferedImage out = ColorSpaces.chromaSwap(styled, content);
    assertEquals(8, out.getWidth());
    float[][] o = ColorSpaces.rgbToYiq(RgbPixels.of(out));
    float[][] c = ColorSpaces.rgbToYiq(RgbPixels.of(content));
    assertEquals(128 / 255f, o[0][0], 3e-3f);
    assertEquals(c[1][0], o[1][0], 6e-3f);
    assertEquals(c[2][0], o[2][0], 6e-3f);
  }

  @Test
  void luminanceImageIsGrey() {
    int rgb = ColorSpaces.luminance(TestImages.solid(2, 2, 0xFF0000)).getRGB(1, 1);
    assertEquals(0x4C4C4C, rgb & 0xFFFFFF); // 0.299 * 255 = 76.2
  }

  @Test
  void matchLuminanceMatchesMeanAndStd() {
    float[] style = ColorSpaces.luminance(random(20, 20, 5));
    float[] content = new float[300];
    Random random = new Random(6);
    for (int k = 0; k < content.length; k++) {
      content[k] = (float) (0.3 + 0.05 * random.nextGaussian());
    }
    double[] got = PlaneMath.meanStd(ColorSpaces.matchLuminance(style, content));
    double[] want = PlaneMath.meanStd(content);
    assertEquals(want[0], got[0], 1e-5);
    assertEquals(want[1], got[1], 1e-5);
    float[] flat = ColorSpaces.matchLuminance(new float[] {0.7f, 0.7f}, content);
    assertEquals(want[0], flat[0], 1e-5);
  }
}

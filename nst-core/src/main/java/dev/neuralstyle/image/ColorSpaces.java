package dev.neuralstyle.image;

import java.awt.image.BufferedImage;

/**
 * Pure colour-space functions for the colour-preservation options: YIQ and YUV (BT.601, analogue
 * scaling) conversions, luminance, "original colours" chroma swap and the two colour-matching
 * methods of Gatys et al. 2016 (arXiv 1606.05897). Float versions work on {@link RgbPixels} so that
 * results can be checked before 8-bit rounding; image versions return new TYPE_INT_RGB images.
 * Inputs are never modified.
 */
public final class ColorSpaces {
  private static final double[] LUMA = {0.299, 0.587, 0.114};
  private static final double[] RGB_TO_YIQ = {
    0.299, 0.587, 0.114, 0.595716, -0.274453, -0.321263, 0.211456, -0.522591, 0.311135
  };
  private static final double[] YIQ_TO_RGB = Mat3.inverse(RGB_TO_YIQ);
  private static final double[] RGB_TO_YUV = {
    LUMA[0],
    LUMA[1],
    LUMA[2],
    -0.492111 * LUMA[0],
    -0.492111 * LUMA[1],
    0.492111 * (1 - LUMA[2]),
    0.877283 * (1 - LUMA[0]),
    -0.877283 * LUMA[1],
    -0.877283 * LUMA[2]
  };
  private static final double[] YUV_TO_RGB = Mat3.inverse(RGB_TO_YUV);

  private ColorSpaces() {}

  /** RGB to {@code {Y, I, Q}} planes (NTSC YIQ; Y in 0..1, I about ±0.6, Q about ±0.52). */
  public static float[][] rgbToYiq(RgbPixels rgb) {
    return PlaneMath.transform(RGB_TO_YIQ, rgb.r(), rgb.g(), rgb.b());
  }

  /** YIQ planes back to RGB (not clamped). */
  public static RgbPixels yiqToRgb(int width, int height, float[] y, float[] i, float[] q) {
    float[][] p = PlaneMath.transform(YIQ_TO_RGB, y, i, q);
    return new RgbPixels(width, height, p[0], p[1], p[2]);
  }

  /** RGB to {@code {Y, U, V}} planes (BT.601: U = 0.492 (B - Y), V = 0.877 (R - Y)). */
  public static float[][] rgbToYuv(RgbPixels rgb) {
    return PlaneMath.transform(RGB_TO_YUV, rgb.r(), rgb.g(), rgb.b());
  }

  /** YUV planes back to RGB (not clamped). */
  public static RgbPixels yuvToRgb(int width, int height, float[] y, float[] u, float[] v) {
    float[][] p = PlaneMath.transform(YUV_TO_RGB, y, u, v);
    return new RgbPixels(width, height, p[0], p[1], p[2]);
  }

  /** BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} of every pixel. */
  public static float[] luminance(RgbPixels rgb) {
    return PlaneMath.transform(RGB_TO_YIQ, rgb.r(), rgb.g(), rgb.b())[0];
  }

  /** A grey TYPE_INT_RGB image of the luminance of {@code image}. */
  public static BufferedImage luminance(BufferedImage image) {
    float[] y = luminance(RgbPixels.of(image));
    return new RgbPixels(image.getWidth(), image.getHeight(), y, y, y).toImage();
  }

  /**
   * "Original colours": the luminance of {@code styled} with the chroma (I and Q) of {@code
   * content}. The two must have the same size.
   *
   * @throws IllegalArgumentException if the sizes differ
   */
  public static RgbPixels chromaSwap(RgbPixels styled, RgbPixels content) {
    if (styled.width() != content.width() || styled.height() != content.height()) {
      throw new IllegalArgumentException(
          "sizes differ: "
              + styled.width()
              + "x"
              + styled.height()
              + " and "
              + content.width()
              + "x"
              + content.height());
    }
    float[] y = luminance(styled);
    float[][] yiq = rgbToYiq(content);
    return yiqToRgb(styled.width(), styled.height(), y, yiq[1], yiq[2]);
  }

  /**
   * Image version of {@link #chromaSwap(RgbPixels, RgbPixels)}; {@code content} is resized to the
   * size of {@code styled} first if needed.
   */
  public static BufferedImage chromaSwap(BufferedImage styled, BufferedImage content) {
    RgbPixels c = RgbPixels.of(content);
    if (content.getWidth() != styled.getWidth() || content.getHeight() != styled.getHeight()) {
      c = ImageResize.toSize(c, styled.getWidth(), styled.getHeight());
    }
    return chromaSwap(RgbPixels.of(styled), c).toImage();
  }

  /**
   * Colour histogram matching (Gatys et al. 2016, section 2.1): the affine map {@code x' = A (x -
   * μs) + μc} that gives the style pixels the content's mean and covariance. The result is not
   * clamped, so its statistics match exactly up to float rounding.
   */
  public static RgbPixels matchHistogram(RgbPixels style, RgbPixels content, HistogramMatch mode) {
    double[] ms = ColorTransfer.mean(style);
    double[] mc = ColorTransfer.mean(content);
    double[] a =
        ColorTransfer.matrix(
            ColorTransfer.covariance(style, ms), ColorTransfer.covariance(content, mc), mode);
    return ColorTransfer.apply(style, a, ms, mc);
  }

  /** Image version of {@link #matchHistogram(RgbPixels, RgbPixels, HistogramMatch)} (clamped). */
  public static BufferedImage matchHistogram(
      BufferedImage style, BufferedImage content, HistogramMatch mode) {
    return matchHistogram(RgbPixels.of(style), RgbPixels.of(content), mode).toImage();
  }

  /** {@link #matchHistogram(BufferedImage, BufferedImage, HistogramMatch)} with EIGEN. */
  public static BufferedImage matchHistogram(BufferedImage style, BufferedImage content) {
    return matchHistogram(style, content, HistogramMatch.EIGEN);
  }

  /**
   * Luminance matching for luminance-only transfer (Gatys et al. 2016, section 2.2): {@code y' =
   * (σc / σs) (y - μs) + μc}. A constant style luminance is only shifted to the content mean.
   */
  public static float[] matchLuminance(float[] styleY, float[] contentY) {
    return PlaneMath.matchMeanStd(styleY, contentY);
  }
}

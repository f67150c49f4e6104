package dev.neuralstyle.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;

/**
 * Converts decoded images of any layout to opaque 8-bit sRGB ({@code TYPE_INT_RGB}): colour
 * profiles are converted to sRGB, grey images are replicated into three channels and transparency
 * is flattened onto white. Also decodes raw CMYK/YCCK JPEG rasters, which ImageIO cannot turn into
 * images itself.
 */
final class Srgb {
  private Srgb() {}

  /** Returns an opaque sRGB copy of {@code src} (or {@code src} if it already is one). */
  static BufferedImage toIntRgb(BufferedImage src) {
    ColorSpace cs = src.getColorModel().getColorSpace();
    if (src.getType() == BufferedImage.TYPE_INT_RGB && cs.isCS_sRGB()) {
      return src;
    }
    if (cs.getType() == ColorSpace.TYPE_GRAY && src.getColorModel().getNumColorComponents() == 1) {
      return grayToRgb(src.getRaster(), src.getColorModel().hasAlpha());
    }
    BufferedImage srgb = src;
    if (!cs.isCS_sRGB()) {
      boolean alpha = src.getColorModel().hasAlpha();
      srgb =
          new BufferedImage(
              src.getWidth(),
              src.getHeight(),
              alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      new ColorConvertOp(null).filter(src, srgb);
    }
    return flattenOnWhite(srgb);
  }

  /** Draws {@code src} onto a white opaque canvas of the same size. */
  static BufferedImage flattenOnWhite(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage grayToRgb(Raster raster, boolean alpha) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    double grayMax = (1L << raster.getSampleModel().getSampleSize(0)) - 1;
    double alphaMax = alpha ? (1L << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = raster.getSample(x, y, 0) / grayMax;
        if (alpha) {
          double a = raster.getSample(x, y, 1) / alphaMax;
          v = v * a + (1 - a);
        }
        int g = (int) Math.round(v * 255);
        row[x] = g << 16 | g << 8 | g;
      }
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    return out;
  }

  /**
   * Converts a raw 4-channel JPEG raster to sRGB with the naive (profile-less) CMYK formula.
   *
   * @param adobeTransform the APP14 transform flag: 2 means the first three channels are YCC, any
   *     Adobe flag means the channels are stored inverted (Photoshop convention)
   */
  static BufferedImage cmykToRgb(Raster raster, int adobeTransform) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    boolean inverted = adobeTransform != JpegSegments.NO_ADOBE;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = new int[4];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(x, y, px);
        double c = px[0];
        double m = px[1];
        double ye = px[2];
        if (adobeTransform == 2) {
          double yy = px[0];
          double cb = px[1] - 128.0;
          double cr = px[2] - 128.0;
          c = 255 - (yy + 1.402 * cr);
          m = 255 - (yy - 0.344136 * cb - 0.714136 * cr);
          ye = 255 - (yy + 1.772 * cb);
        }
        double k = px[3];
        if (!inverted) {
          c = 255 - c;
          m = 255 - m;
          ye = 255 - ye;
          k = 255 - k;
        }
        row[x] = clamp(c * k / 255) << 16 | clamp(m * k / 255) << 8 | clamp(ye * k / 255);
      }
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}

package dev.neuralstyle.features;

import java.util.Locale;

/**
 * The input convention a set of VGG weights was trained with. Loss weights and results depend on
 * it, so it travels with the weights file (see WEIGHT-FORMATS section 5).
 */
// The arrays are private and handed out only as clones.
@SuppressWarnings("ImmutableEnumChecker")
public enum Preprocessing {
  /**
   * Original Oxford/Caffe weights (also Keras and the Caffe-converted .pth files): BGR channel
   * order, pixel values 0..255 minus the per-channel mean B 103.939, G 116.779, R 123.68, no
   * scaling.
   */
  CAFFE(new float[] {123.68f, 116.779f, 103.939f}, new float[] {1f, 1f, 1f}, 255f, true),
  /**
   * torchvision's retrained weights: RGB in 0..1, minus mean (0.485, 0.456, 0.406), divided by std
   * (0.229, 0.224, 0.225).
   */
  TORCHVISION(
      new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 1f, false);

  private final float[] meanRgb;
  private final float[] stdRgb;
  private final float scale;
  private final boolean bgr;

  Preprocessing(float[] meanRgb, float[] stdRgb, float scale, boolean bgr) {
    this.meanRgb = meanRgb;
    this.stdRgb = stdRgb;
    this.scale = scale;
    this.bgr = bgr;
  }

  /** Per-channel mean in RGB order, in the network's value range. */
  public float[] meanRgb() {
    return meanRgb.clone();
  }

  /** Per-channel standard deviation in RGB order (1 for Caffe). */
  public float[] stdRgb() {
    return stdRgb.clone();
  }

  /** What a pixel value of 1.0 (full intensity) becomes before mean subtraction: 255 or 1. */
  public float scale() {
    return scale;
  }

  /** Whether the network expects channels in BGR order. */
  public boolean bgr() {
    return bgr;
  }

  /** The name used on the command line: {@code caffe} or {@code torchvision}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code caffe}/{@code torchvision} (any case). */
  public static Preprocessing parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Preprocessing p : values()) {
      if (p.cliName().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown preprocessing '" + text + "': expected caffe or torchvision");
  }
}

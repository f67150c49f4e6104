package dev.neuralstyle.video;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_optflow;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;
import org.bytedeco.opencv.opencv_video.DenseOpticalFlow;

/**
 * Dense optical flow between two frames with OpenCV (its natives come inside the Maven jars), on
 * the frames' luma in 8 bits. Not thread-safe; close it to free the native algorithm.
 */
public final class OpticalFlow implements AutoCloseable {
  private final DenseOpticalFlow algorithm;

  /** An estimator running {@code method}. */
  public OpticalFlow(FlowMethod method) {
    this.algorithm =
        method == FlowMethod.DEEPFLOW
            ? opencv_optflow.createOptFlow_DeepFlow()
            : DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
  }

  /**
   * The flow from {@code from} to {@code to} (same size): where each pixel of {@code from} is in
   * {@code to}.
   */
  public FlowField compute(BufferedImage from, BufferedImage to) {
    int w = from.getWidth();
    int h = from.getHeight();
    if (to.getWidth() != w || to.getHeight() != h) {
      throw new IllegalArgumentException("frames differ in size");
    }
    try (Mat a = luma(from);
        Mat b = luma(to);
        Mat flow = new Mat()) {
      algorithm.calc(a, b, flow);
      FloatBuffer data = flow.createBuffer();
      float[] u = new float[w * h];
      float[] v = new float[w * h];
      for (int i = 0; i < w * h; i++) {
        u[i] = data.get(2 * i);
        v[i] = data.get(2 * i + 1);
      }
      return new FlowField(w, h, u, v);
    }
  }

  private static Mat luma(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] y = new byte[w * h];
    for (int i = 0; i < y.length; i++) {
      int p = argb[i];
      double l = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
      y[i] = (byte) Math.min(255, (int) Math.round(l));
    }
    Mat m = new Mat(h, w, opencv_core.CV_8UC1);
    m.data().put(y);
    return m;
  }

  @Override
  public void close() {
    algorithm.close();
  }
}

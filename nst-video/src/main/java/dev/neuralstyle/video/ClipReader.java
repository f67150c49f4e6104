package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a clip, in process: a video file or GIF through FFmpeg, or a folder of same-sized images
 * in name order (numbers compared as numbers). Every frame is capped to a longest side and brought
 * to even dimensions (video encoders need them). Any fault (not a video, no video stream, an
 * unsupported codec, a truncated file, no frames, frames of different sizes) is one {@link
 * NstException} naming the file.
 */
public final class ClipReader {
  /** Image files a frame folder may hold. */
  static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp");

  private ClipReader() {}

  /**
   * Decodes {@code input}, handing each capped frame to {@code sink} in order, and returns what it
   * found.
   *
   * @param maxSide longest side of the frames handed on (smaller frames keep their size)
   * @param folderFps the frame rate of a folder of images (a video's own rate is used otherwise)
   * @param maxPixels refuse frames with more pixels than this
   */
  public static ClipInfo read(
      Path input, int maxSide, double folderFps, long maxPixels, Consumer<BufferedImage> sink) {
    if (Files.isDirectory(input)) {
      return readFolder(input, maxSide, folderFps, maxPixels, sink);
    }
    if (!Files.isRegularFile(input)) {
      throw new NstException("content clip " + input + " does not exist");
    }
    return readVideo(input, maxSide, maxPixels, sink);
  }

  /** The images of a frame folder in order. */
  public static List<Path> folderFrames(Path dir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> Files.isRegularFile(p) && isImage(p)).forEach(files::add);
    } catch (IOException e) {
      throw new NstException("frame folder " + dir + " cannot be listed: " + e.getMessage(), e);
    }
    files.sort(
        (a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
    return files;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static ClipInfo readFolder(
      Path dir, int maxSide, double fps, long maxPixels, Consumer<BufferedImage> sink) {
    List<Path> files = folderFrames(dir);
    if (files.isEmpty()) {
      throw new NstException(
          "frame folder " + dir + " holds no images (" + String.join(", ", IMAGE_EXTENSIONS) + ")");
    }
    int w = 0;
    int h = 0;
    int[] size = null;
    for (Path f : files) {
      BufferedImage frame = ImageFiles.read(f, "frame", maxPixels);
      if (size == null) {
        w = frame.getWidth();
        h = frame.getHeight();
        size = capped(w, h, maxSide);
      } else if (frame.getWidth() != w || frame.getHeight() != h) {
        throw new NstException(
            "frame folder "
                + dir
                + ": "
                + f.getFileName()
                + " is "
                + frame.getWidth()
                + "x"
                + frame.getHeight()
                + " but "
                + files.get(0).getFileName()
                + " is "
                + w
                + "x"
                + h
                + "; all frames must have the same size");
      }
      sink.accept(resize(frame, size));
    }
    return new ClipInfo(files.size(), fps, size[0], size[1], false);
  }

  private static ClipInfo readVideo(
      Path file, int maxSide, long maxPixels, Consumer<BufferedImage> sink) {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
      try {
        grabber.start();
      } catch (FrameGrabber.Exception e) {
        throw new NstException(openProblem(file, e.getMessage()), e);
      }
      if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
        throw new NstException("content clip " + file + " has no video stream");
      }
      int w = grabber.getImageWidth();
      int h = grabber.getImageHeight();
      if ((long) w * h > maxPixels) {
        throw new NstException(
            "content clip "
                + file
                + " has "
                + w
                + "x"
                + h
                + " frames, over --max-pixels "
                + maxPixels);
      }
      int[] size = capped(w, h, maxSide);
      double fps = grabber.getFrameRate();
      int declared = grabber.getLengthInVideoFrames();
      boolean audio = grabber.getAudioChannels() > 0;
      int frames = 0;
      while (true) {
        Frame f;
        try {
          f = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
          throw new NstException(
              "content clip "
                  + file
                  + " cannot be decoded at frame "
                  + (frames + 1)
                  + ": "
                  + e.getMessage(),
              e);
        }
        if (f == null) {
          break;
        }
        if (f.image == null) {
          continue;
        }
        sink.accept(resize(toImage(f), size));
        frames++;
      }
      if (frames == 0) {
        throw new NstException("content clip " + file + " has no video frames");
      }
      if (declared > 2 && frames < declared - Math.max(2, declared / 50)) {
        throw new NstException(
            "content clip "
                + file
                + " is truncated: its header announces "
                + declared
                + " frames, only "
                + frames
                + " could be decoded");
      }
      if (!(fps > 0 && fps < 1000)) {
        throw new NstException(
            "content clip " + file + " has no usable frame rate (found " + fps + ")");
      }
      return new ClipInfo(frames, fps, size[0], size[1], audio);
    } catch (FrameGrabber.Exception e) {
      throw new NstException("content clip " + file + " cannot be closed: " + e.getMessage(), e);
    }
  }

  private static String openProblem(Path file, String message) {
    String m = message == null ? "" : message;
    if (m.contains("avcodec_find_decoder") || m.contains("Unsupported")) {
      return "content clip " + file + " uses a codec this FFmpeg build cannot decode (" + m + ")";
    }
    return "content clip "
        + file
        + " is not a video or GIF that FFmpeg can read, or is damaged ("
        + m
        + ")";
  }

  /**
   * A decoded BGR24 frame as an image, row by row with the frame's own stride (FFmpeg pads rows to
   * an alignment: javacv's Java2DFrameConverter skews frames whose width * 3 is not a multiple of
   * it, e.g. 96 px wide).
   */
  private static BufferedImage toImage(Frame f) {
    ByteBuffer data = (ByteBuffer) f.image[0];
    int w = f.imageWidth;
    int h = f.imageHeight;
    int stride = f.imageStride;
    int channels = 3; // BGR24 as asked for (javacv reports 4 channels for padded rows)
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * stride + x * channels;
        int b = data.get(i) & 0xff;
        int g = data.get(i + 1) & 0xff;
        int r = data.get(i + 2) & 0xff;
        row[x] = (r << 16) | (g << 8) | b;
      }
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    return out;
  }

  /** The capped size with even sides: {@code [width, height]}. */
  static int[] capped(int w, int h, int maxSide) {
    double s = Math.min(1.0, maxSide / (double) Math.max(w, h));
    int cw = Math.max(2, (int) Math.round(w * s) & ~1);
    int ch = Math.max(2, (int) Math.round(h * s) & ~1);
    return new int[] {cw, ch};
  }

  private static BufferedImage resize(BufferedImage image, int[] size) {
    return image.getWidth() == size[0] && image.getHeight() == size[1]
        ? image
        : ImageResize.toSize(image, size[0], size[1]);
  }
}

package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.output.render.AnimatedGifWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes finished frames, in process: {@code .mp4}, {@code .mov} and {@code .mkv} as H.264
 * (OpenH264, the H.264 encoder in the bundled FFmpeg) with AAC audio, {@code .webm} as VP9 with
 * Opus, {@code .gif} as an animated GIF. The frame rate is kept and the audio track of a video
 * input is carried over (decoded and encoded again: the container may differ). The file is written
 * under a temporary name and renamed, so a failure leaves no partial output.
 */
public final class ClipWriter {
  /** The output file types, by extension. */
  public static final List<String> EXTENSIONS = List.of(".mp4", ".mov", ".mkv", ".webm", ".gif");

  private ClipWriter() {}

  /** Whether {@code output} names a video or GIF file (rather than a folder of frames). */
  public static boolean isClipFile(Path output) {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * Writes {@code frames} (image files of one size) to {@code output} at {@code fps}.
   *
   * @param audioFrom a video file whose audio track is copied, or {@code null}
   */
  public static void write(List<Path> frames, double fps, Path audioFrom, Path output) {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gif")) {
      List<BufferedImage> images = new ArrayList<>();
      for (Path f : frames) {
        images.add(ImageFiles.read(f, "frame", Long.MAX_VALUE));
      }
      int delay =
          (int) Math.max(10, Math.round(1000 / fps / 10) * 10L); // GIF delays are in 1/100 s
      AnimatedGifWriter.write(images, delay, delay, true, output);
      return;
    }
    Path temp =
        output.resolveSibling(
            "."
                + output.getFileName()
                + ".part-"
                + ProcessHandle.current().pid()
                + extension(name));
    try {
      encode(frames, fps, audioFrom, temp, name);
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new NstException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // best effort: the temporary file has a hidden name
      }
    }
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.'));
  }

  private static void encode(List<Path> frames, double fps, Path audioFrom, Path file, String name)
      throws IOException {
    BufferedImage first = ImageFiles.read(frames.get(0), "frame", Long.MAX_VALUE);
    int w = first.getWidth();
    int h = first.getHeight();
    boolean webm = name.endsWith(".webm");
    FFmpegFrameGrabber audio = audioFrom == null ? null : openAudio(audioFrom);
    try (FFmpegFrameRecorder recorder =
            new FFmpegFrameRecorder(
                file.toFile(), w, h, audio == null ? 0 : audio.getAudioChannels());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat(
          webm
              ? "webm"
              : name.endsWith(".mkv") ? "matroska" : name.endsWith(".mov") ? "mov" : "mp4");
      recorder.setVideoCodecName(webm ? "libvpx-vp9" : "libopenh264");
      recorder.setVideoCodec(webm ? avcodec.AV_CODEC_ID_VP9 : avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(fps);
      // Stylised frames are full of fine strokes: about 0.3 bits per pixel and frame, at least 2
      // Mbit/s.
      recorder.setVideoBitrate((int) Math.min(50_000_000, Math.max(2_000_000, 0.3 * w * h * fps)));
      recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
      if (audio != null) {
        recorder.setAudioCodec(webm ? avcodec.AV_CODEC_ID_OPUS : avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(webm ? 48_000 : audio.getSampleRate());
        recorder.setAudioBitrate(160_000);
      }
      recorder.start();
      double audioEnd = frames.size() / fps * 1_000_000; // microseconds of video
      for (Path f : frames) {
        BufferedImage image = ImageFiles.read(f, "frame", Long.MAX_VALUE);
        if (image.getWidth() != w || image.getHeight() != h) {
          throw new NstException("frame " + f + " is not " + w + "x" + h);
        }
        recorder.record(converter.convert(bgr(image)), avutil.AV_PIX_FMT_BGR24);
      }
      if (audio != null) {
        Frame s;
        while ((s = audio.grabSamples()) != null) {
          if (audio.getTimestamp() > audioEnd) {
            break;
          }
          recorder.record(s);
        }
      }
      recorder.stop();
    } catch (FrameRecorder.Exception | FrameGrabber.Exception e) {
      throw new NstException("cannot encode " + name + ": " + e.getMessage(), e);
    } finally {
      if (audio != null) {
        audio.close();
      }
    }
  }

  private static FFmpegFrameGrabber openAudio(Path file) {
    FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
    try {
      g.start();
      if (g.getAudioChannels() > 0) {
        return g;
      }
      g.close();
      return null;
    } catch (FrameGrabber.Exception e) {
      throw new NstException("cannot read the audio of " + file + ": " + e.getMessage(), e);
    }
  }

  private static BufferedImage bgr(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    out.getGraphics().drawImage(image, 0, 0, null);
    return out;
  }
}

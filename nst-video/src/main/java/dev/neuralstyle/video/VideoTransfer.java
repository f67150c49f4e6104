package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.RgbPixels;
import dev.neuralstyle.transfer.RunExtras;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Style transfer for videos after Ruder, Dosovitskiy and Brox (2016), arXiv 1604.08610: the clip's
 * frames are stylised in order, frame i starting from frame i-1's result warped by the optical flow
 * (their "prev-warped" initialisation) and minimising, besides the content and style losses, the
 * {@link TemporalLoss} against the warped earlier results where the {@link ConsistencyMask} says
 * the motion is reliable. With a temporal weight of 0 every frame is an independent transfer.
 *
 * <p>Resumable: each finished frame is written at once (see {@link WorkFolder}); a later run with
 * the same settings continues at the first missing frame. A cancel stops between iterations and
 * discards only the unfinished frame. Bad input fails before anything is written.
 */
public final class VideoTransfer {
  private final StyleTransfer engine;

  /** Stylises frames with {@code engine} (its weights loaded once for the whole clip). */
  public VideoTransfer(StyleTransfer engine) {
    this.engine = engine;
  }

  /**
   * Runs {@code request} to the end of the clip or until {@code cancelled}.
   *
   * @throws NstException on bad input or settings that differ from those of the frames on disk
   */
  public VideoResult run(VideoRequest request, VideoListener listener, BooleanSupplier cancelled) {
    WorkFolder folder = WorkFolder.of(request.output());
    ClipInfo clip = decode(request, folder);
    folder.claim(settings(request));
    int frames = clip.frames();
    int first = folder.firstMissing(frames);
    listener.onEvent(new VideoEvent.ClipStarted(clip, first));
    double spent = 0;
    double errorSum = 0;
    int computed = 0;
    int measured = 0;
    try (OpticalFlow flow = new OpticalFlow(request.flow())) {
      for (int k = first; k <= frames; k++) {
        if (cancelled.getAsBoolean()) {
          return stopped(clip, k, spent, computed, errorSum, measured);
        }
        long t0 = System.nanoTime();
        BufferedImage content = ImageFiles.read(folder.content(k), "frame", Long.MAX_VALUE);
        Previous prev = k == 1 ? null : previous(request, folder, flow, content, k);
        RunExtras extras =
            prev == null || request.temporalWeight() == 0
                ? RunExtras.NONE
                : new RunExtras(
                    Warp.startImage(prev.targets.get(0).warped(), RgbPixels.of(content)).toImage(),
                    new TemporalLoss(
                        request.temporalWeight(), prev.targets, request.transfer().lossForm()));
        StyleTransferRequest frameRequest =
            request.transfer().toBuilder()
                .content(folder.content(k))
                .size(Math.max(clip.width(), clip.height()))
                .build();
        final int frame = k;
        StyleTransferResult result =
            engine.run(
                frameRequest,
                extras,
                e -> listener.onEvent(new VideoEvent.FrameProgress(frame, frames, e)),
                cancelled);
        if (result.cancelled()) {
          return stopped(clip, k, spent, computed, errorSum, measured);
        }
        ImageFiles.write(result.image(), folder.styled(k));
        double error = Double.NaN;
        if (prev != null) {
          error =
              WarpError.pair(
                  RgbPixels.of(prev.styled),
                  RgbPixels.of(result.image()),
                  prev.backward,
                  prev.mask);
          errorSum += error;
          measured++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        spent += seconds;
        computed++;
        double eta = spent / computed * (frames - k);
        listener.onEvent(new VideoEvent.FrameFinished(k, frames, seconds, eta, error));
      }
    }
    if (ClipWriter.isClipFile(request.output())) {
      ClipWriter.write(
          folder.styledFrames(frames),
          clip.fps(),
          clip.audio() ? request.input() : null,
          request.output());
      if (!request.keepFrames()) {
        WorkFolder.delete(folder.work());
      }
    } else if (!request.keepFrames()) {
      WorkFolder.delete(folder.work());
    }
    listener.onEvent(new VideoEvent.ClipWritten(request.output()));
    return new VideoResult(
        request.output(),
        frames,
        frames,
        frames + 1,
        computed == 0 ? Double.NaN : spent / computed,
        measured == 0 ? Double.NaN : errorSum / measured);
  }

  /** The earlier results warped into frame k, their masks, and what the warp error needs. */
  private static final class Previous {
    final List<TemporalLoss.Target> targets = new ArrayList<>();
    BufferedImage styled;
    FlowField backward;
    float[] mask;
  }

  private static Previous previous(
      VideoRequest r, WorkFolder folder, OpticalFlow flow, BufferedImage content, int k) {
    Previous p = new Previous();
    List<Integer> offsets = r.temporalWeight() == 0 ? List.of(1) : r.temporalFrames();
    List<RgbPixels> warped = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    for (int j : offsets) {
      if (k - j < 1) {
        break;
      }
      BufferedImage earlier = ImageFiles.read(folder.content(k - j), "frame", Long.MAX_VALUE);
      BufferedImage styled = ImageFiles.read(folder.styled(k - j), "frame", Long.MAX_VALUE);
      FlowField forward = flow.compute(earlier, content);
      FlowField backward = flow.compute(content, earlier);
      float[] mask = ConsistencyMask.compute(forward, backward);
      warped.add(Warp.image(RgbPixels.of(styled), backward));
      masks.add(mask);
      if (j == 1) {
        p.styled = styled;
        p.backward = backward;
        p.mask = mask;
      }
    }
    float[][] weights = ConsistencyMask.longTerm(masks.toArray(new float[0][]));
    for (int i = 0; i < warped.size(); i++) {
      p.targets.add(new TemporalLoss.Target(warped.get(i), weights[i]));
    }
    return p;
  }

  private static VideoResult stopped(
      ClipInfo clip, int next, double spent, int computed, double errorSum, int measured) {
    return new VideoResult(
        null,
        clip.frames(),
        next - 1,
        next,
        computed == 0 ? Double.NaN : spent / computed,
        measured == 0 ? Double.NaN : errorSum / measured);
  }

  /**
   * The decoded frames: reused from an earlier run, or decoded into a temporary folder that becomes
   * the work folder's {@code content/} only when the whole clip decoded, so bad input leaves
   * nothing.
   */
  private static ClipInfo decode(VideoRequest r, WorkFolder folder) {
    ClipInfo saved = folder.savedClip();
    if (saved != null) {
      return saved;
    }
    Path temp =
        r.output()
            .toAbsolutePath()
            .resolveSibling(
                "." + r.output().getFileName() + ".decoding-" + ProcessHandle.current().pid());
    WorkFolder.delete(temp);
    try {
      Files.createDirectories(temp);
      int[] count = {0};
      ClipInfo clip =
          ClipReader.read(
              r.input(),
              r.transfer().size(),
              r.folderFps(),
              r.transfer().maxPixels(),
              image -> ImageFiles.write(image, temp.resolve(WorkFolder.name(++count[0]))));
      Path content = folder.content(1).getParent();
      Files.createDirectories(content.getParent());
      WorkFolder.delete(content);
      Files.move(temp, content);
      folder.saveClip(clip);
      return clip;
    } catch (IOException e) {
      throw new NstException("cannot decode into " + temp + ": " + e.getMessage(), e);
    } finally {
      WorkFolder.delete(temp);
    }
  }

  /** The settings a work folder's frames depend on. */
  private static String settings(VideoRequest r) {
    StyleTransferRequest t = r.transfer().toBuilder().content(r.input()).build();
    return t
        + "\ntemporalWeight="
        + r.temporalWeight()
        + "\ntemporalFrames="
        + r.temporalFrames()
        + "\nflow="
        + r.flow()
        + "\n";
  }
}

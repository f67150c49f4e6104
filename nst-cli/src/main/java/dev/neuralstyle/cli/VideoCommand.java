package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.video.FlowMethod;
import dev.neuralstyle.video.VideoRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style video}: stylises a clip frame by frame with temporal consistency (Ruder et
 * al. 2016). The transfer settings are {@code transfer}'s ({@link TransferSettings}); {@link
 * VideoRun} does the work through the library's {@code VideoTransfer}.
 */
@Command(
    name = "video",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = VideoDefaultValues.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paint every frame of --content in the style of --style, keeping the frames consistent"
          + " (Ruder, Dosovitskiy and Brox 2016): frame i starts from frame i-1's result warped by"
          + " the optical flow, and a temporal loss holds it to that where the motion is reliable.",
      "",
      "--content and --output: a video file (.mp4, .mov, .mkv, .webm), a .gif, or a folder of"
          + " images. Frame rate and audio are kept. Finished frames are kept beside the output"
          + " (out.mp4.frames/): after Ctrl-C or a crash, the same command continues at the first"
          + " missing frame.",
      ""
    })
public final class VideoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  @Option(
      names = "--content",
      required = true,
      paramLabel = "CLIP",
      description = "The clip: a video file, a GIF or a folder of same-sized images.")
  Path content;

  @Mixin StyleImages styleImages;

  @Mixin TransferSettings settings;

  @Option(
      names = "--temporal-weight",
      paramLabel = "G",
      description =
          "Weight gamma of the temporal loss (Ruder et al. eq. 7), a mean squared difference in"
              + " 0..1 pixel units over the consistent pixels under the normalized and joint loss"
              + " forms (8-bit levels under paper and mean); 0 stylises every frame independently"
              + " from --init. The default was chosen on a pan over the Tuebingen photo: about a"
              + " third of the warp error of independent frames; 1000 and more soften and smear"
              + " the strokes.")
  double temporalWeight;

  @Option(
      names = "--temporal-frames",
      split = ",",
      paramLabel = "J",
      description =
          "Earlier frames the temporal loss compares with, as offsets: 1 is the short-term"
              + " loss, e.g. 1,2,4 the long-term one (eq. 8).")
  List<Integer> temporalFrames;

  @Option(
      names = "--flow",
      paramLabel = "ALG",
      converter = FlowConverter.class,
      description = "Optical flow: dis (fast) or deepflow (Ruder et al.'s choice, slower).")
  FlowMethod flow;

  @Option(
      names = "--fps",
      paramLabel = "F",
      description = "Frame rate of a folder of images (a video keeps its own).")
  double fps;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "OUT",
      description = "out.mp4|.mov|.mkv (H.264), .webm (VP9), .gif, or a folder for PNG frames.")
  Path output;

  @Option(
      names = "--keep-frames",
      description = "Keep the folder of decoded and finished frames after writing a video.")
  boolean keepFrames;

  @Mixin QuietOption quiet = new QuietOption();

  @Override
  public Integer call() {
    VideoRequest request;
    try {
      request = request();
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    boolean modelChosen = settings.modelChosen();
    boolean verbose = parent.verbose || given("--verbose");
    if (quiet.on() && verbose) {
      throw new ParameterException(
          spec.commandLine(), "invalid options: --quiet and --verbose contradict each other");
    }
    return new VideoRun(
            request,
            modelChosen,
            settings.presetChosen() || given("--content-layers"),
            settings.presetChosen() || given("--style-layers"),
            settings.weights(),
            settings.cacheDir(),
            parent.env(),
            Streams.of(spec.commandLine()),
            quiet.on())
        .run();
  }

  /** The validated request; the frames' content is set per frame by the library. */
  VideoRequest request() {
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    settings.applyTo(b); // the preset, then every setting given
    // The clip stands in for the content until each frame's own file replaces it.
    b.content(content);
    styleImages.applyStyles(b);
    styleImages.applyBlend(b);
    if (b.styles().isEmpty()) {
      throw new NstException("missing option --style");
    }
    return new VideoRequest(
        b.build(), content, output, temporalWeight, temporalFrames, flow, fps, keepFrames);
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** {@code --flow}. */
  static final class FlowConverter implements ITypeConverter<FlowMethod> {
    @Override
    public FlowMethod convert(String value) {
      return FlowMethod.parse(value);
    }
  }
}

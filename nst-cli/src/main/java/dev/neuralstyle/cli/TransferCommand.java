package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.output.RunOutput;
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style transfer}: paints a content image in the style of one or more style images.
 * The fields are picocli's; {@link #options()} turns them into a validated {@link TransferOptions}
 * and {@link TransferRun} does the work.
 */
@Command(
    name = "transfer",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = DefaultValues.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paint --content in the style of --style (Gatys et al. 2015).",
      "",
      "Next to --output out.png it writes out.json (run record), out-panel.png (content | result |"
          + " style), out.gif (the optimisation) and out-loss.png (loss curves); --no-extras writes"
          + " only the image.",
      "Weights: --weights FILE, else $NEURAL_STYLE_WEIGHTS, else the cache filled by"
          + " 'neural-style weights download vgg19'.",
      "A --preset changes the defaults shown below; options given explicitly win over it.",
      ""
    })
public final class TransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  // ---- inputs
  @Option(
      names = "--content",
      paramLabel = "FILE",
      description = "Content image (required unless --resume gives a run record).")
  Path content;

  @Mixin StyleImages styleImages;

  // ---- every setting of the transfer itself (shared with `batch`)
  @Mixin TransferSettings settings;

  @Option(
      names = "--content-mask",
      paramLabel = "FILE",
      description =
          "Spatial control (Gatys et al. 2017): an image of the content's size with one"
              + " flat colour per region. Default: none.")
  Path contentMask;

  @Option(
      names = "--style-mask",
      split = ",",
      paramLabel = "FILE",
      description =
          "One region image per style image: each output region takes its style from the"
              + " parts of the style images painted in the same colour. Default: whole style images.")
  List<Path> styleMasks;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description =
          "Continue a stopped run: from its run record (out.json; every setting, the"
              + " loss curve and the image are restored, options given here override them) or from a"
              + " snapshot such as out-0100.png (give the other options again). Default: none.")
  Path resume;

  // ---- outputs
  @Option(names = "--output", paramLabel = "FILE", description = "Result image, .png or .jpg.")
  Path output;

  @Option(
      names = "--save-every",
      paramLabel = "N",
      description = "Also write out-0100.png etc. every N iterations (0: never).")
  int saveEvery;

  @Option(names = "--no-extras", description = "Write only the image (and --save-every snapshots).")
  boolean noExtras;

  @Option(
      names = "--panel",
      paramLabel = "FILE",
      description = "Panel file. Default: out-panel.png.")
  Path panel;

  @Option(names = "--no-panel", description = "Do not write the content | result | style panel.")
  boolean noPanel;

  @Option(names = "--gif", paramLabel = "FILE", description = "Animation file. Default: out.gif.")
  Path gif;

  @Option(names = "--no-gif", description = "Do not write the animated GIF.")
  boolean noGif;

  @Option(
      names = "--gif-frames",
      paramLabel = "N",
      description = "About this many GIF frames, plus the final image.")
  int gifFrames;

  @Option(
      names = "--loss-plot",
      paramLabel = "FILE",
      description = "Loss plot file. Default: out-loss.png.")
  Path lossPlot;

  @Option(names = "--no-loss-plot", description = "Do not write the loss plot.")
  boolean noLossPlot;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Run record file. Default: out.json.")
  Path record;

  @Option(names = "--no-record", description = "Do not write the run record.")
  boolean noRecord;

  @Mixin QuietOption quiet = new QuietOption();

  @Override
  public Integer call() {
    TransferOptions options;
    try {
      options = options();
    } catch (NstException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    Streams streams = Streams.of(spec.commandLine());
    return new TransferRun(
            options, parent.env(), streams, spec.commandLine().getParseResult().originalArgs())
        .run();
  }

  /**
   * The validated options: the library defaults, then the preset, then every option given on the
   * command line.
   *
   * @throws NstException naming the option, the rule and the value when one is invalid
   */
  TransferOptions options() {
    ResumeSource from = resume == null ? null : ResumeSource.of(resume);
    StyleTransferRequestBuilder b =
        from != null && from.recorded() != null
            ? from.recorded().request().toBuilder()
            : StyleTransferRequest.builder();
    settings.applyTo(b);
    ifGiven("--content", content, b::content);
    styleImages.applyStyles(b);
    if (b.content() == null) {
      throw new NstException(
          "missing option --content (required unless --resume gives a run record)");
    }
    if (b.styles().isEmpty()) {
      throw new NstException(
          "missing option --style (required unless --resume gives a run record)");
    }
    styleImages.applyBlend(b);
    ifGiven("--content-mask", contentMask, b::contentMask);
    ifGiven("--style-mask", styleMasks, b::styleMasks);
    Path image = output;
    if (from != null) {
      b.init(from.init());
      if (!given("--output") && from.recorded() != null) {
        image = from.image(); // continue the same run in place
      }
    }
    OutputPlan outputs =
        OutputPlan.of(
            image,
            noExtras,
            new OutputPlan.Extra(RunOutput.PANEL, panel, noPanel),
            new OutputPlan.Extra(RunOutput.GIF, gif, noGif),
            new OutputPlan.Extra(RunOutput.LOSS_PLOT, lossPlot, noLossPlot),
            new OutputPlan.Extra(RunOutput.RECORD, record, noRecord));
    boolean recorded = from != null && from.recorded() != null;
    return TransferOptions.create(
        b,
        settings.modelChosen(),
        recorded || settings.presetChosen() || given("--content-layers"),
        recorded || settings.presetChosen() || given("--style-layers"),
        from == null ? settings.weights() : from.weights(settings.weights(), resume),
        settings.cacheDir(),
        outputs,
        saveEvery,
        gifFrames,
        quiet.on(),
        parent.verbose || given("--verbose"),
        from == null ? ResumePoint.START : from.point());
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private <T> void ifGiven(String option, T value, Consumer<T> setter) {
    if (given(option)) {
      setter.accept(value);
    }
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --style} and {@code --style-blend}, the painting(s) of {@code transfer} and {@code video},
 * declared once as a picocli mixin. ({@code batch} has its own {@code --style}, which also takes
 * folders.)
 */
final class StyleImages {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--style",
      split = ",",
      paramLabel = "FILE",
      description = "Style image(s), comma-separated.")
  List<Path> styles;

  @Option(
      names = "--style-blend",
      split = ",",
      paramLabel = "W",
      description = "Blend weight per style image, normalised to sum 1. Default: equal.")
  List<Double> styleBlend;

  /** Sets {@code --style} on {@code b} when it was given. */
  void applyStyles(StyleTransferRequestBuilder b) {
    if (given("--style")) {
      b.styles(styles);
    }
  }

  /** Sets {@code --style-blend} on {@code b} when it was given. */
  void applyBlend(StyleTransferRequestBuilder b) {
    if (given("--style-blend")) {
      b.styleBlend(styleBlend);
    }
  }

  private boolean given(String option) {
    return mixee.commandLine().getParseResult().hasMatchedOption(option);
  }
}

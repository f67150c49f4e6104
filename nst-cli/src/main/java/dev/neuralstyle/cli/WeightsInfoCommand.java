package dev.neuralstyle.cli;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.weights.VggWeights;
import dev.neuralstyle.weights.WeightsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style weights info FILE}: format, model, input convention, layers, tensor and
 * parameter counts of a weights file (its tensors are read and checked).
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show a weights file's format, model, convention, layers and sizes.")
public final class WeightsInfoCommand implements Callable<Integer> {
  /** The most metadata entries printed (a file may hold millions). */
  private static final int MAX_METADATA = 50;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The weights file.")
  Path file;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      converter = Converters.Model.class,
      description = "vgg19 or vgg16, for files that fit both. Default: detected.")
  VggModel model;

  @Option(
      names = "--preprocessing",
      paramLabel = "CONV",
      converter = Converters.Convention.class,
      description = "caffe or torchvision, overriding detection. Default: detected.")
  Preprocessing preprocessing;

  @Override
  public Integer call() {
    VggWeights w = WeightsLoader.load(file, model, preprocessing);
    PrintWriter out = spec.commandLine().getOut();
    out.println("file:        " + w.source());
    out.println("format:      " + w.format());
    out.println("model:       " + w.model().cliName());
    out.println("convention:  " + w.preprocessing().cliName());
    out.println("sha256:      " + w.sha256());
    List<String> layers = w.layerNames();
    out.println(
        "layers:      "
            + layers.size()
            + " of "
            + w.model().convNames().size()
            + " convolutions: "
            + String.join(", ", layers));
    out.println("tensors:     " + w.tensorCount());
    out.printf(Locale.ROOT, "parameters:  %,d%n", w.parameterCount());
    int shown = 0;
    for (Map.Entry<String, String> e : w.metadata().entrySet()) {
      if (shown++ == MAX_METADATA) {
        out.printf(
            Locale.ROOT,
            "metadata:    … %,d more entries not shown%n",
            w.metadata().size() - MAX_METADATA);
        break;
      }
      out.println("metadata:    " + OneLine.of(e.getKey()) + " = " + oneLine(e.getValue()));
    }
    for (String note : w.notes()) {
      out.println("note:        " + note);
    }
    out.flush();
    return 0;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ");
    return OneLine.of(t.length() > 200 ? t.substring(0, 200) + "…" : t);
  }
}

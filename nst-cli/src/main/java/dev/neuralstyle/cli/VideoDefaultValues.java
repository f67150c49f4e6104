package dev.neuralstyle.cli;

import dev.neuralstyle.video.VideoRequest;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code video}'s options: {@code transfer}'s ({@link DefaultValues}), except that
 * {@code --output} has none, plus the video settings from {@link VideoRequest}.
 */
final class VideoDefaultValues implements IDefaultValueProvider {
  private final DefaultValues transfer = new DefaultValues();
  private final Map<String, String> values = new HashMap<>();

  VideoDefaultValues() {
    values.put("--temporal-weight", String.valueOf(VideoRequest.DEFAULT_TEMPORAL_WEIGHT));
    values.put(
        "--temporal-frames",
        String.join(
            ",", VideoRequest.DEFAULT_TEMPORAL_FRAMES.stream().map(String::valueOf).toList()));
    values.put("--flow", VideoRequest.DEFAULT_FLOW.cliName());
    values.put("--fps", String.valueOf(VideoRequest.DEFAULT_FOLDER_FPS));
  }

  @Override
  public String defaultValue(ArgSpec argSpec) throws Exception {
    if (argSpec instanceof OptionSpec option) {
      String name = option.longestName();
      if ("--output".equals(name)) {
        return null;
      }
      if (values.containsKey(name)) {
        return values.get(name);
      }
    }
    return transfer.defaultValue(argSpec);
  }
}

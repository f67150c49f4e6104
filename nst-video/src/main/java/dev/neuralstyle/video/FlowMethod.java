package dev.neuralstyle.video;

import dev.neuralstyle.NstException;
import java.util.Locale;

/** The optical-flow algorithm that {@link OpticalFlow} runs (both from OpenCV). */
public enum FlowMethod {
  /**
   * Dense Inverse Search (Kroeger et al. 2016), OpenCV's {@code DISOpticalFlow} at its medium
   * preset: milliseconds per frame.
   */
  DIS,
  /**
   * DeepFlow (Weinzaepfel et al. 2013), Ruder et al.'s choice, from OpenCV's contrib {@code
   * optflow} module: seconds per frame.
   */
  DEEPFLOW;

  /** The command-line name: {@code dis} or {@code deepflow}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the command-line name. */
  public static FlowMethod parse(String text) {
    for (FlowMethod m : values()) {
      if (m.cliName().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new NstException(
        "invalid value for --flow: must be dis or deepflow, found '" + text + "'");
  }
}

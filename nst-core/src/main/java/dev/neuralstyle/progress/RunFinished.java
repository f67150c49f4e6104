package dev.neuralstyle.progress;

/**
 * The run ended with an image.
 *
 * @param evaluations evaluations used
 * @param elapsedSeconds optimisation time
 * @param stop why it stopped
 */
public record RunFinished(int evaluations, double elapsedSeconds, StopReason stop)
    implements ProgressEvent {
  /** Why it stopped, by its wire name ({@code budget}, ...). */
  public String stopReason() {
    return stop.wireName();
  }
}

package dev.neuralstyle.progress;

import dev.neuralstyle.NstException;

/**
 * Why a run stopped, each with the one name that run records, jobs files, the job store and the web
 * page use ({@link #wireName()}).
 */
public enum StopReason {
  /** Every iteration of the budget was used. */
  BUDGET("budget"),
  /** The optimiser converged (L-BFGS found no better step). */
  CONVERGED("converged"),
  /** The loss fell by less than the tolerance over the tolerance window. */
  TOLERANCE("tolerance"),
  /** The run was cancelled; the image is the last one reached. */
  CANCELLED("cancelled");

  private final String wireName;

  StopReason(String wireName) {
    this.wireName = wireName;
  }

  /** The name written to files and JSON: {@code budget}, {@code converged}, ... */
  public String wireName() {
    return wireName;
  }

  /**
   * The reason written {@code text}; {@code null} for {@code null} (a run that did not finish).
   *
   * @throws NstException naming the text and the names there are
   */
  public static StopReason parse(String text) {
    if (text == null) {
      return null;
    }
    for (StopReason r : values()) {
      if (r.wireName.equals(text)) {
        return r;
      }
    }
    throw new NstException(
        "unknown stop reason '" + text + "': expected budget, converged, tolerance or cancelled");
  }
}

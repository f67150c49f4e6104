package dev.neuralstyle.transfer;

import java.util.List;

/**
 * Where an interrupted run stopped: how many evaluations it used and its step records so far.
 *
 * @param iterationsDone evaluations already used
 * @param steps the step records of the earlier part
 */
public record ResumePoint(int iterationsDone, List<StepRecord> steps) {
  /** A run from the beginning. */
  public static final ResumePoint START = new ResumePoint(0, List.of());

  /** Copies the list and checks the count. */
  public ResumePoint {
    if (iterationsDone < 0) {
      throw new IllegalArgumentException("iterationsDone must be >= 0, found " + iterationsDone);
    }
    steps = List.copyOf(steps);
  }
}

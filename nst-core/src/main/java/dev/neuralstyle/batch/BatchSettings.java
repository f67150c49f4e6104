package dev.neuralstyle.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a local batch writes its results.
 *
 * @param outputDir where the images, the log and the contact sheet go (created if missing)
 * @param extras also write each job's panel, GIF, loss plot and run record, as {@code transfer}
 *     does
 * @param contactSheet write {@value ContactSheet#FILE} when the batch ends
 * @param toolVersion the program's version, for run records
 */
public record BatchSettings(
    Path outputDir, boolean extras, boolean contactSheet, String toolVersion) {
  /** Requires the directory and the version. */
  public BatchSettings {
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }
}

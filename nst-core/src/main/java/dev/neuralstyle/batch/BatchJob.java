package dev.neuralstyle.batch;

import java.util.Map;
import java.util.Objects;

/**
 * One transfer of a batch: a content image, a style image and the settings that differ from the
 * batch's. Inputs are locations as text (a local path, or a Hadoop URI in the Spark job), so one
 * job list serves every runner.
 *
 * @param name the output's base name, {@code <content>__<style>} (file names without extension)
 * @param content the content image's location
 * @param style the style image's location
 * @param settings per-job overrides by setting name ({@code size}, {@code style-weight}, ...; see
 *     {@link JobSettings}), applied over the batch's settings; empty for none
 */
public record BatchJob(String name, String content, String style, Map<String, String> settings) {
  /** Copies the settings; requires every component. */
  public BatchJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(style, "style");
    settings = Map.copyOf(settings);
  }

  /** The output image's file name, {@code <name>.png}. */
  public String outputName() {
    return name + ".png";
  }

  /** {@code <content>__<style>} from the two locations' file names without extensions. */
  public static String nameOf(String content, String style) {
    return stem(content) + "__" + stem(style);
  }

  /** The file name of {@code location} without directories and extension. */
  public static String stem(String location) {
    String file = location.substring(location.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}

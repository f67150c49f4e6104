package dev.neuralstyle.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a finished run writes, declared once: the role the run record lists it under, the key
 * front ends name it by (the CLI's {@code --panel}/{@code --no-panel}), what it is, its name in a
 * web job's folder, its name next to a CLI image ({@code out.png}: {@code out-panel.png}), its
 * content type and the extensions its file may have. {@link RunOutputs} writes them in this order;
 * the CLI derives its default names and checks from it, the web app its job files, the content
 * types it serves and the list the page shows ({@code /api/defaults}).
 */
public enum RunOutput {
  /** The stylised image. */
  IMAGE("image", "output", "the result", "result.png", "", "image/png", "png", "jpg", "jpeg"),
  /** Content | result | style side by side. */
  PANEL(
      "panel",
      "panel",
      "content | result | style",
      "panel.png",
      "-panel.png",
      "image/png",
      "png",
      "jpg",
      "jpeg"),
  /** The optimisation as an animation. */
  GIF("gif", "gif", "animation", "progress.gif", ".gif", "image/gif", "gif"),
  /** The loss curves. */
  LOSS_PLOT(
      "lossPlot",
      "loss-plot",
      "loss plot",
      "loss.png",
      "-loss.png",
      "image/png",
      "png",
      "jpg",
      "jpeg"),
  /** The run record: settings, weights, losses, timings, the files written. */
  RECORD(
      "record",
      "record",
      "run record (settings, losses, timings)",
      "run.json",
      ".json",
      "application/json",
      "json");

  private final String role;
  private final String key;
  private final String description;
  private final String jobFileName;
  private final String suffix;
  private final String contentType;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
  private final List<String> extensions;

  RunOutput(
      String role,
      String key,
      String description,
      String jobFileName,
      String suffix,
      String contentType,
      String... extensions) {
    this.role = role;
    this.key = key;
    this.description = description;
    this.jobFileName = jobFileName;
    this.suffix = suffix;
    this.contentType = contentType;
    this.extensions = List.of(extensions);
  }

  /** The name the run record's {@code outputs} lists it under ({@code lossPlot}). */
  public String role() {
    return role;
  }

  /** The key front ends name it by ({@code loss-plot}; the CLI's {@code --loss-plot}). */
  public String key() {
    return key;
  }

  /** What the file is, for people ({@code loss plot}). */
  public String description() {
    return description;
  }

  /** Its name in a web job's folder ({@code loss.png}). */
  public String jobFileName() {
    return jobFileName;
  }

  /** The MIME type it is served with. */
  public String contentType() {
    return contentType;
  }

  /** The extensions (lower case, without the dot) its file may have; the first is the default. */
  public List<String> extensions() {
    return extensions;
  }

  /**
   * Its default file next to the image {@code image}: {@code out.png} gives {@code out-panel.png},
   * {@code out.gif}, {@code out-loss.png}, {@code out.json} (and itself for {@link #IMAGE}).
   */
  public Path besideImage(Path image) {
    if (this == IMAGE) {
      return image;
    }
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
  }

  /** The output whose web job file is {@code name}, if any. */
  public static Optional<RunOutput> byJobFileName(String name) {
    for (RunOutput o : values()) {
      if (o.jobFileName.equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}

package dev.neuralstyle.spark;

import dev.neuralstyle.NstException;
import dev.neuralstyle.batch.JobSettings;
import dev.neuralstyle.batch.Pairing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark job's options, as {@code neural-style batch} takes them: {@code --content} and {@code
 * --style} (files or directories, comma-separated, any Hadoop URI), {@code --pairs}, {@code
 * --jobs}, {@code --output-dir}, {@code --weights} and every transfer setting by its long option
 * ({@code --size 256 --style-weight 1e4 ...}, see {@link JobSettings}), plus {@code --preset} and
 * {@code --partitions}.
 *
 * @param contents content locations (empty with a jobs file)
 * @param styles style locations (empty with a jobs file)
 * @param pairing all or zip
 * @param jobsFile a jobs file's location, or {@code null}
 * @param outputDir where outputs, the log and the contact sheet go
 * @param weights the weights file's location (copied to each executor once)
 * @param preset a preset name, or {@code null}
 * @param settings the batch's transfer settings by canonical name
 * @param partitions Spark partitions (0: one per job)
 */
public record SparkBatchOptions(
    List<String> contents,
    List<String> styles,
    Pairing pairing,
    String jobsFile,
    String outputDir,
    String weights,
    String preset,
    Map<String, String> settings,
    int partitions)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the lists and the settings. */
  public SparkBatchOptions {
    contents = List.copyOf(contents);
    styles = List.copyOf(styles);
    settings = Map.copyOf(settings);
  }

  /**
   * Parses the command line.
   *
   * @throws NstException naming the option for an unknown option, a missing value or a missing
   *     required option
   */
  public static SparkBatchOptions parse(String... args) {
    List<String> contents = new ArrayList<>();
    List<String> styles = new ArrayList<>();
    Pairing pairing = Pairing.ALL;
    String jobs = null;
    String out = null;
    String weights = null;
    String preset = null;
    int partitions = 0;
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (!flag.startsWith("--") || i + 1 >= args.length) {
        throw new NstException("expected --OPTION VALUE, found '" + flag + "'");
      }
      String value = args[++i];
      switch (flag) {
        case "--content" -> contents.addAll(List.of(value.split(",")));
        case "--style" -> styles.addAll(List.of(value.split(",")));
        case "--pairs" -> pairing = Pairing.parse(value);
        case "--jobs" -> jobs = value;
        case "--output-dir" -> out = value;
        case "--weights" -> weights = value;
        case "--preset" -> preset = value;
        case "--partitions" -> partitions = Integer.parseInt(value);
        default -> {
          String name = flag.substring(2);
          if (!JobSettings.isSetting(name)) {
            throw new NstException(
                "unknown option "
                    + flag
                    + " (settings: "
                    + String.join(", ", JobSettings.names())
                    + ")");
          }
          settings.put(name, value);
        }
      }
    }
    if (out == null || weights == null) {
      throw new NstException("missing option: --output-dir and --weights are required");
    }
    if (jobs == null && (contents.isEmpty() || styles.isEmpty())) {
      throw new NstException("missing option: give --content and --style, or --jobs FILE");
    }
    return new SparkBatchOptions(
        contents, styles, pairing, jobs, out, weights, preset, settings, partitions);
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.batch.BatchJob;
import dev.neuralstyle.batch.JobList;
import dev.neuralstyle.batch.Pairing;
import dev.neuralstyle.batch.Shard;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style batch}: many transfers in one process, the network and weights loaded once.
 * The fields are picocli's; the transfer settings are {@code transfer}'s own ({@link
 * TransferSettings}), and {@link BatchRun} does the work on the library's batch runner.
 */
@Command(
    name = "batch",
    sortOptions = false,
    showDefaultValues = true,
    defaultValueProvider = DefaultValues.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Paint every --content in the style of every --style (or the pairs of a --jobs file), loading"
          + " the network once.",
      "",
      "Writes <content>__<style>.png per job into --output-dir, batch.jsonl (one line per job:"
          + " inputs and SHA-256, output, status, stop reason, final loss, seconds, error) and"
          + " contact-sheet.png. A job whose output and log line exist for the same request is"
          + " skipped, so a rerun continues. Exit code 1 if any job failed.",
      "Every transfer setting below applies to all jobs; a jobs file may override any per job.",
      ""
    })
public final class BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  @Option(
      names = "--content",
      split = ",",
      paramLabel = "DIR|FILE",
      description = "Content images: files, or directories of images (sorted by name).")
  List<Path> contents;

  @Option(
      names = "--style",
      split = ",",
      paramLabel = "DIR|FILE",
      description = "Style images: files, or directories of images (sorted by name).")
  List<Path> styles;

  @Option(
      names = "--pairs",
      paramLabel = "HOW",
      defaultValue = "all",
      description = "all (every content x every style) or zip (the i-th with the i-th).")
  String pairs;

  @Option(
      names = "--jobs",
      paramLabel = "FILE",
      description =
          "A CSV (header content,style,SETTING,...) or JSON-lines file of jobs with per-job"
              + " settings, instead of --content/--style.")
  Path jobsFile;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      defaultValue = "batch-out",
      description = "Where the images, the log and the contact sheet go.")
  Path outputDir;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Run only shard K of N (jobs K, K+N, K+2N, ...). K may name an environment variable"
              + " holding a 0-based index, e.g. JOB_COMPLETION_INDEX/8 in a Kubernetes Indexed"
              + " Job. Default: all jobs.")
  String shard;

  @Mixin TransferSettings settings;

  @Option(
      names = "--extras",
      description = "Also write each job's panel, GIF, loss plot and run record, as transfer does.")
  boolean extras;

  @Option(names = "--no-contact-sheet", description = "Do not write contact-sheet.png.")
  boolean noContactSheet;

  @Option(names = "--quiet", description = "Print nothing but errors and the summary line.")
  boolean quiet;

  @Override
  public Integer call() {
    List<BatchJob> jobs;
    StyleTransferRequest base;
    Shard part;
    try {
      jobs = jobs();
      base = base(jobs.get(0));
      part = shard == null ? Shard.ALL : Shard.parse(shard, parent.env());
    } catch (NstException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), CliText.of(e), e);
    }
    return new BatchRun(
            base,
            jobs,
            part,
            settings,
            outputDir,
            extras,
            !noContactSheet,
            quiet,
            parent.env(),
            Streams.of(spec.commandLine()))
        .run();
  }

  private List<BatchJob> jobs() {
    if (jobsFile != null) {
      if (contents != null || styles != null) {
        throw new NstException("--jobs lists the images itself: give it without --content/--style");
      }
      return JobList.read(jobsFile);
    }
    if (contents == null || styles == null) {
      throw new NstException("missing option: give --content and --style, or --jobs FILE");
    }
    return JobList.pairs(
        JobList.localImages(contents, "content"),
        JobList.localImages(styles, "style"),
        Pairing.parse(pairs));
  }

  /** The batch's settings, validated as a request on the first job's images. */
  private StyleTransferRequest base(BatchJob first) {
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    settings.applyTo(b);
    return b.content(Path.of(first.content())).styles(List.of(Path.of(first.style()))).build();
  }
}

package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.output.OutputFiles;
import dev.neuralstyle.output.RunOutputs;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a batch on local files, one job after another on one {@link BatchEngine}: each job's image
 * goes to {@code <output-dir>/<content>__<style>.png} (written atomically), its record to the batch
 * log. A job whose logged request key matches and whose output is still the logged file is skipped,
 * so a rerun continues an interrupted batch; a failing job is logged and the batch goes on. At the
 * end the log is compacted and the contact sheet written.
 */
public final class BatchRunner {

  private final BatchEngine engine;
  private final StyleTransferRequest base;
  private final BatchSettings settings;

  /**
   * @param base the batch's settings as a valid request (its content and style are replaced per
   *     job)
   */
  public BatchRunner(BatchEngine engine, StyleTransferRequest base, BatchSettings settings) {
    this.engine = engine;
    this.base = base;
    this.settings = settings;
  }

  /**
   * Runs {@code shard}'s part of {@code jobs} (the whole ordered list, which the contact sheet
   * shows).
   *
   * @param cancelled polled between jobs and iterations; a cancelled job writes nothing and runs
   *     again next time
   * @throws NstException if the output directory or the log cannot be written
   */
  public BatchSummary run(
      List<BatchJob> jobs, Shard shard, BatchListener listener, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    Path dir = settings.outputDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new NstException("cannot create output directory " + dir + ": " + e.getMessage(), e);
    }
    Path log = dir.resolve(BatchLog.fileName(shard));
    Map<String, JobRecord> prior = BatchLog.read(dir);
    Map<String, JobRecord> own =
        Files.exists(log) ? BatchLog.latest(List.of(read(log))) : new LinkedHashMap<>();
    List<BatchJob> mine = shard.of(jobs);
    int written = 0;
    int skipped = 0;
    int failed = 0;
    int computed = 0;
    double computedSeconds = 0;
    boolean stopped = false;
    for (int i = 0; i < mine.size(); i++) {
      if (cancelled.getAsBoolean()) {
        stopped = true;
        break;
      }
      BatchJob job = mine.get(i);
      double elapsed = seconds(start);
      listener.jobStarted(
          new BatchProgress(
              i,
              mine.size(),
              skipped,
              failed,
              elapsed,
              eta(computed, computedSeconds, mine.size() - i)),
          job);
      Outcome o = runOne(job, prior.get(job.name()), listener, cancelled);
      if (o.record() == null) {
        stopped = true; // cancelled during the transfer: nothing written, nothing logged
        break;
      }
      own.remove(job.name());
      own.put(job.name(), o.record());
      if (o.skipped()) {
        skipped++;
      } else {
        BatchLog.append(log, o.record());
        computed++;
        computedSeconds += o.record().seconds();
        if (o.record().ok()) {
          written++;
        } else {
          failed++;
        }
      }
      int left = mine.size() - i - 1;
      listener.jobEnded(
          new BatchProgress(
              i + 1,
              mine.size(),
              skipped,
              failed,
              seconds(start),
              eta(computed, computedSeconds, left)),
          o.record(),
          o.skipped());
    }
    BatchLog.rewrite(log, BatchLog.compact(mine, own));
    Path sheet = null;
    if (settings.contactSheet() && !jobs.isEmpty()) {
      sheet = dir.resolve(ContactSheet.FILE);
      BufferedImage image =
          ContactSheet.render(
              jobs,
              loc -> readOrNull(Path.of(loc)),
              j -> readOrNull(dir.resolve(j.outputName())),
              ContactSheet.TILE);
      ImageFiles.write(image, sheet);
    }
    return new BatchSummary(
        mine.size(), written, skipped, failed, stopped, seconds(start), log, sheet);
  }

  private Outcome runOne(
      BatchJob job, JobRecord prior, BatchListener listener, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    Path output = settings.outputDir().resolve(job.outputName());
    Map<String, String> shas = Map.of();
    String key = null;
    try {
      StyleTransferRequest request = JobRequests.request(base, job, Path::of);
      shas = JobRequests.inputSha256(request);
      key = RequestKey.of(request, engine.weights().sha256(), shas);
      if (prior != null
          && prior.ok()
          && key.equals(prior.requestKey())
          && Files.isRegularFile(output)
          && JobRequests.sha(output, "output").equals(prior.outputSha256())) {
        return new Outcome(prior, true);
      }
      if (settings.extras()) {
        request =
            request.toBuilder().snapshotEvery(request.framePeriod(Defaults.GIF_FRAMES)).build();
      }
      List<BufferedImage> frames = new ArrayList<>();
      StyleTransferResult result =
          engine.run(
              request,
              e -> {
                if (e instanceof StepCompleted s && s.snapshot() != null) {
                  frames.add(s.snapshot());
                }
                listener.jobEvent(job, e);
              },
              cancelled);
      if (result.cancelled()) {
        return new Outcome(null, false);
      }
      RunOutputs.write(
          files(output),
          request,
          engine.weights(),
          result,
          frames,
          RunOutputs.versions(settings.toolVersion()));
      return new Outcome(
          JobRecords.ok(
              job,
              shas,
              key,
              output.toString(),
              JobRequests.sha(output, "output"),
              result,
              seconds(start)),
          false);
    } catch (RuntimeException e) {
      // A bad input or setting (NstException) or an engine error: this job fails, the batch goes
      // on.
      return new Outcome(JobRecords.failed(job, shas, key, seconds(start), e), false);
    }
  }

  private OutputFiles files(Path image) {
    if (!settings.extras()) {
      return new OutputFiles(image, null, null, null, null);
    }
    return OutputFiles.of(o -> o.besideImage(image));
  }

  private static double eta(int computed, double computedSeconds, int left) {
    return computed == 0 ? Double.NaN : computedSeconds / computed * left;
  }

  private static BufferedImage readOrNull(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS);
    } catch (NstException e) {
      return null; // a corrupt input shows as an empty cell; its job's record says why
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new NstException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private record Outcome(JobRecord record, boolean skipped) {}
}

package dev.neuralstyle.web;

import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.image.ImageResize;
import dev.neuralstyle.jobs.Job;
import dev.neuralstyle.jobs.JobRunner;
import dev.neuralstyle.output.RunOutputs;
import dev.neuralstyle.progress.ProgressListener;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.InitSpec;
import dev.neuralstyle.transfer.ResumePoint;
import dev.neuralstyle.transfer.StepRecord;
import dev.neuralstyle.transfer.StyleTransfer;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one web job: builds its request from the stored settings and images, runs the transfer with
 * the server's weights, and writes the same files as the CLI (result, panel, GIF, loss plot,
 * run.json) plus a gallery thumbnail into the job's directory. A cancelled run still writes them,
 * from the image it had reached.
 */
final class TransferJobRunner implements JobRunner {
  private static final int THUMBNAIL_SIDE = 192;

  private final JobForm form;
  private final JobFiles files;
  private final String toolVersion;
  private Map<String, String> versions;

  TransferJobRunner(JobForm form, JobFiles files, String toolVersion) {
    this.form = form;
    this.files = files;
    this.toolVersion = toolVersion;
  }

  @Override
  public StopReason run(Job job, ProgressListener listener, BooleanSupplier cancelled)
      throws Exception {
    Path dir = files.dir(job.id());
    StyleTransferRequest request =
        form.request(job.settings(), dir.resolve(JobFiles.CONTENT), files.styles(job.id()));
    ResumeFiles progress = new ResumeFiles(dir);
    ResumePoint start = ResumePoint.START;
    Optional<ResumeFiles.Saved> saved = progress.load();
    if (saved.isPresent() && saved.get().point().iterationsDone() < request.totalIterations()) {
      // Continue from the image an interrupted or cancelled run of this job had reached.
      start = saved.get().point();
      request =
          request.toBuilder()
              .init(new InitSpec(InitMode.FILE, InitSpec.DEFAULT_BLEND_RATIO, saved.get().image()))
              .build();
    }
    List<BufferedImage> frames = new ArrayList<>();
    List<StepRecord> steps = new ArrayList<>(start.steps());
    StyleTransferResult result;
    try (StyleTransfer transfer =
        new StyleTransfer(form.weights(), form.weights().preprocessing())) {
      result =
          transfer.run(
              request,
              start,
              event -> {
                if (event instanceof StepCompleted s) {
                  var b = s.losses();
                  steps.add(StepRecord.of(s.iteration(), b, s.elapsedSeconds()));
                  if (s.snapshot() != null) {
                    frames.add(s.snapshot());
                    progress.save(s.snapshot(), s.iteration(), steps);
                  }
                }
                listener.onEvent(event);
              },
              cancelled);
    }
    if (!result.cancelled()) {
      progress.clear();
    } else {
      progress.save(result.image(), result.evaluations(), result.steps());
    }
    if (versions == null) {
      versions = RunOutputs.versions(toolVersion);
    }
    RunOutputs.write(files.outputs(job.id()), request, form.weights(), result, frames, versions);
    ImageFiles.write(
        ImageResize.toMaxSide(result.image(), THUMBNAIL_SIDE), dir.resolve(JobFiles.THUMBNAIL));
    return result.stop();
  }
}

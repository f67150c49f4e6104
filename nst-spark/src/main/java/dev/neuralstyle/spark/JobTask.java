package dev.neuralstyle.spark;

import dev.neuralstyle.batch.BatchEngine;
import dev.neuralstyle.batch.BatchJob;
import dev.neuralstyle.batch.JobRecord;
import dev.neuralstyle.batch.JobRecords;
import dev.neuralstyle.batch.JobRequests;
import dev.neuralstyle.batch.JobSettings;
import dev.neuralstyle.batch.RequestKey;
import dev.neuralstyle.image.ImageFiles;
import dev.neuralstyle.transfer.LayerFallback;
import dev.neuralstyle.transfer.Preset;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferRequestBuilder;
import dev.neuralstyle.transfer.StyleTransferResult;
import dev.neuralstyle.weights.FileDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;

/**
 * One job as a Spark task, on an executor: copies the job's inputs to a local directory, skips the
 * job if the output is there for the same request, else runs the transfer on the JVM's engine
 * ({@link EngineHolder}), writes the image under a temporary name in the output directory and
 * renames it into place. Returns the job's log line, prefixed with {@code skip } for a skip.
 */
final class JobTask implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Prefix of the result of a skipped job. */
  static final String SKIP = "skip ";

  private final SparkBatchOptions options;
  private final HashMap<String, String> priorLines;
  private final HashMap<String, String> hadoopConf;
  private final TaskHook hook;

  /**
   * @param priorLines job name to its latest logged line (from the batch logs before this run)
   * @param hadoopConf the driver's Hadoop settings, for the executors' file systems
   */
  JobTask(
      SparkBatchOptions options,
      Map<String, String> priorLines,
      Map<String, String> hadoopConf,
      TaskHook hook) {
    this.options = options;
    this.priorLines = new HashMap<>(priorLines);
    this.hadoopConf = new HashMap<>(hadoopConf);
    this.hook = hook;
  }

  /** Runs {@code spec}; a failure becomes a failed record, except a failing hook (retried). */
  String run(SparkJob spec) throws Exception {
    long start = System.nanoTime();
    BatchJob job = spec.job();
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    org.apache.hadoop.fs.Path target =
        new org.apache.hadoop.fs.Path(options.outputDir(), job.outputName());
    FileSystem fs = HadoopFiles.fs(target, conf);
    Path dir = Files.createTempDirectory("nst-job");
    Map<String, String> shas = Map.of();
    String key = null;
    org.apache.hadoop.fs.Path temp = null;
    try {
      BatchEngine engine = EngineHolder.engine(options.weights(), conf);
      StyleTransferRequest request =
          JobRequests.request(
              base(engine, job), job, location -> HadoopFiles.toLocal(location, dir, conf));
      shas = JobRequests.inputSha256(request);
      key = RequestKey.of(request, engine.weights().sha256(), shas);
      String priorLine = priorLines.get(job.name());
      if (priorLine != null) {
        JobRecord prior = JobRecord.parse(priorLine);
        if (prior.ok()
            && key.equals(prior.requestKey())
            && fs.exists(target)
            && sha(fs, target).equals(prior.outputSha256())) {
          return SKIP + priorLine;
        }
      }
      StyleTransferResult result = engine.run(request, e -> {}, () -> false);
      Path image = dir.resolve(job.outputName());
      ImageFiles.write(result.image(), image);
      int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
      temp = HadoopFiles.temporary(target, "attempt" + attempt);
      HadoopFiles.upload(image, fs, temp);
      try {
        hook.beforeRename(job.name(), attempt);
      } catch (Exception e) {
        throw new HookFailure("task hook failed for " + job.name() + ": " + e.getMessage(), e);
      }
      HadoopFiles.publish(fs, temp, target);
      temp = null;
      return JobRecords.ok(
              job,
              shas,
              key,
              target.toString(),
              FileDigest.sha256(image),
              result,
              (System.nanoTime() - start) / 1e9)
          .toJson();
    } catch (HookFailure e) {
      throw e;
    } catch (RuntimeException e) {
      return JobRecords.failed(job, shas, key, (System.nanoTime() - start) / 1e9, e).toJson();
    } finally {
      if (temp != null) {
        fs.delete(temp, false); // a failed attempt leaves no half file
      }
      deleteTree(dir);
    }
  }

  /** The batch's settings as a request on the job's images, the model from the weights. */
  private StyleTransferRequest base(BatchEngine engine, BatchJob job) {
    StyleTransferRequestBuilder b = StyleTransferRequest.builder();
    if (options.preset() != null) {
      Preset.parse(options.preset()).applyTo(b);
    } else {
      b.model(engine.weights().model());
    }
    options.settings().forEach((name, text) -> JobSettings.apply(b, name, text, Path::of));
    StyleTransferRequest request =
        b.content(Path.of(job.content())).styles(List.of(Path.of(job.style()))).build();
    // The defaults' layers follow the weights, as in neural-style batch; a jobs file's win.
    boolean preset = options.preset() != null;
    return LayerFallback.forWeights(request.model(), engine.weights())
        .applyTo(
            request,
            preset || options.settings().containsKey("content-layers"),
            preset || options.settings().containsKey("style-layers"));
  }

  private static String sha(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return FileDigest.sha256(in);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A failure the hook raised: it fails the task attempt, so Spark retries it. */
  static final class HookFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HookFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

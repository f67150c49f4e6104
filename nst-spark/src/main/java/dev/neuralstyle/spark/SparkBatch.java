package dev.neuralstyle.spark;

import dev.neuralstyle.NstException;
import dev.neuralstyle.batch.BatchJob;
import dev.neuralstyle.batch.BatchLog;
import dev.neuralstyle.batch.ContactSheet;
import dev.neuralstyle.batch.JobList;
import dev.neuralstyle.batch.JobRecord;
import dev.neuralstyle.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code neural-style batch} as a Spark job: {@code spark-submit --class
 * dev.neuralstyle.spark.SparkBatch nst-spark.jar --content DIR --style DIR --output-dir DIR
 * --weights FILE [--size 256 ...]}. The driver lists the inputs and reads the earlier logs; each
 * job becomes a task (one partition per job by default) that runs on its executor's engine, loaded
 * once per JVM; the driver then writes {@code batch.jsonl} and {@code contact-sheet.png}. Every
 * location goes through Hadoop's FileSystem API.
 */
public final class SparkBatch {
  private SparkBatch() {}

  /**
   * The spark-submit entry point; exits with 1 if any job failed, 2 for bad options.
   *
   * @param args the batch options (see {@link SparkBatchOptions})
   */
  public static void main(String[] args) throws IOException {
    SparkBatchOptions options;
    try {
      options = SparkBatchOptions.parse(args);
    } catch (NstException | IllegalArgumentException e) {
      // Options are spelt as on the command line: --key.
      String message = e instanceof NstException n ? n.message(k -> "--" + k) : e.getMessage();
      System.err.println("error: " + message);
      System.exit(2);
      return;
    }
    Summary summary;
    try (JavaSparkContext sc =
        new JavaSparkContext(new SparkConf().setAppName("neural-style batch"))) {
      summary = run(sc, options, TaskHook.NONE);
    }
    System.out.println(summary.describe());
    System.exit(summary.failed() > 0 ? 1 : 0);
  }

  /**
   * Runs the batch on {@code sc} and returns how it ended.
   *
   * @param hook called in each task before its rename (tests inject failures with it)
   */
  public static Summary run(JavaSparkContext sc, SparkBatchOptions options, TaskHook hook)
      throws IOException {
    long start = System.nanoTime();
    Configuration conf = sc.hadoopConfiguration();
    List<BatchJob> jobs = jobs(options, conf);
    Path out = new Path(options.outputDir());
    FileSystem fs = HadoopFiles.fs(out, conf);
    fs.mkdirs(out);
    List<String> logs = new ArrayList<>();
    for (FileStatus f : fs.listStatus(out)) {
      if (f.isFile() && BatchLog.isLogName(f.getPath().getName())) {
        logs.add(HadoopFiles.readText(f.getPath(), conf));
      }
    }
    Map<String, JobRecord> prior = BatchLog.latest(logs);
    Map<String, String> priorLines = new HashMap<>();
    prior.forEach((name, r) -> priorLines.put(name, r.toJson()));
    Map<String, String> hadoop = new HashMap<>();
    conf.iterator().forEachRemaining(e -> hadoop.put(e.getKey(), e.getValue()));
    JobTask task = new JobTask(options, priorLines, hadoop, hook);
    List<SparkJob> specs = jobs.stream().map(SparkJob::of).toList();
    int partitions = options.partitions() > 0 ? options.partitions() : Math.max(1, specs.size());
    List<String> results = sc.parallelize(specs, partitions).map(task::run).collect();

    Map<String, JobRecord> records = new LinkedHashMap<>(prior);
    int skipped = 0;
    int failed = 0;
    int written = 0;
    for (String line : results) {
      boolean skip = line.startsWith(JobTask.SKIP);
      JobRecord r = JobRecord.parse(skip ? line.substring(JobTask.SKIP.length()) : line);
      records.put(r.job(), r);
      if (skip) {
        skipped++;
      } else if (r.ok()) {
        written++;
      } else {
        failed++;
      }
    }
    Path log = new Path(out, BatchLog.FILE);
    HadoopFiles.replace(
        log, BatchLog.compact(jobs, records).getBytes(StandardCharsets.UTF_8), conf);
    BufferedImage sheet =
        ContactSheet.render(
            jobs,
            loc -> read(new Path(loc), conf),
            j -> read(new Path(out, j.outputName()), conf),
            ContactSheet.TILE);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(sheet, "png", png);
    HadoopFiles.replace(new Path(out, ContactSheet.FILE), png.toByteArray(), conf);
    return new Summary(
        jobs.size(), written, skipped, failed, (System.nanoTime() - start) / 1e9, log.toString());
  }

  private static List<BatchJob> jobs(SparkBatchOptions o, Configuration conf) throws IOException {
    if (o.jobsFile() != null) {
      Path file = new Path(o.jobsFile());
      String text = HadoopFiles.readText(file, conf);
      if (text == null) {
        throw new NstException("jobs file " + file + " does not exist");
      }
      Path dir = HadoopFiles.fs(file, conf).makeQualified(file).getParent();
      return JobList.parse(
          text,
          file.toString(),
          loc -> new Path(loc).isAbsolute() ? loc : new Path(dir, loc).toString());
    }
    return JobList.pairs(
        HadoopFiles.images(o.contents(), conf, "--content"),
        HadoopFiles.images(o.styles(), conf, "--style"),
        o.pairing());
  }

  private static BufferedImage read(Path file, Configuration conf) {
    try {
      FileSystem fs = HadoopFiles.fs(file, conf);
      if (!fs.exists(file)) {
        return null;
      }
      try (InputStream in = fs.open(file)) {
        return ImageFiles.decode(in.readAllBytes(), file.toString(), ImageFiles.DEFAULT_MAX_PIXELS);
      }
    } catch (IOException | NstException e) {
      return null; // an unreadable input or a missing result shows as an empty cell
    }
  }

  /**
   * How the Spark batch ended.
   *
   * @param total jobs
   * @param written jobs that wrote their output
   * @param skipped jobs already done for the same request
   * @param failed jobs that failed (see the log)
   * @param seconds wall time on the driver
   * @param log the log's location
   */
  public record Summary(
      int total, int written, int skipped, int failed, double seconds, String log) {
    /** One line, as {@code neural-style batch} prints it. */
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "batch: %d jobs, %d written, %d skipped, %d failed in %.1f s (log: %s)",
          total,
          written,
          skipped,
          failed,
          seconds,
          log);
    }
  }
}

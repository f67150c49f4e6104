package dev.neuralstyle.spark;

import dev.neuralstyle.batch.BatchJob;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link BatchJob} in the form Spark ships to executors.
 *
 * @param name the job's name
 * @param content the content location
 * @param style the style location
 * @param settings the per-job settings
 */
record SparkJob(String name, String content, String style, HashMap<String, String> settings)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static SparkJob of(BatchJob job) {
    return new SparkJob(job.name(), job.content(), job.style(), new HashMap<>(job.settings()));
  }

  BatchJob job() {
    return new BatchJob(name, content, style, Map.copyOf(settings));
  }
}

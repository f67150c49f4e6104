package dev.neuralstyle.spark;

import dev.neuralstyle.batch.BatchEngine;
import dev.neuralstyle.weights.WeightsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * One {@link BatchEngine} per executor JVM, created on the first task that needs it: the weights
 * are copied from their (Hadoop) location to the local disk and loaded once, then every task of the
 * JVM uses the same engine, one transfer at a time ({@link BatchEngine#run} is synchronized:
 * PyTorch allows one gradient collection per process).
 */
final class EngineHolder {
  private static String location;
  private static BatchEngine engine;

  private EngineHolder() {}

  /** The JVM's engine for the weights at {@code weights}. */
  static synchronized BatchEngine engine(String weights, Configuration conf) {
    if (engine != null && weights.equals(location)) {
      return engine;
    }
    if (engine != null) {
      engine.close(); // another batch with other weights in the same JVM
    }
    Path local;
    try {
      Path dir = Files.createTempDirectory("nst-weights");
      local = HadoopFiles.toLocal(weights, dir, conf);
      local.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    engine = new BatchEngine(WeightsLoader.load(local, null, null));
    location = weights;
    return engine;
  }
}

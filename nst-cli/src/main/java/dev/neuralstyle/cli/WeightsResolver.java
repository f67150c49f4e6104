package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.RegularFiles;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.weights.download.WeightsCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the weights file of a transfer: {@code --weights FILE}, else the file named by {@value
 * #ENV_VAR}, else the best cached download for the model. When there is none, the error says
 * exactly how to get one.
 */
final class WeightsResolver {
  /** Environment variable naming a weights file to use when --weights is not given. */
  static final String ENV_VAR = "NEURAL_STYLE_WEIGHTS";

  private WeightsResolver() {}

  /**
   * The weights file to load.
   *
   * @param explicit the {@code --weights} value, or {@code null}
   * @param env the environment
   * @param cacheDir the {@code --cache-dir} value, or {@code null} for the default cache
   * @param model the model whose cached weights to look for
   * @param convention the preferred convention, or {@code null} for either
   * @throws NstException if a named file does not exist or nothing is found
   */
  static Path resolve(
      Path explicit,
      Map<String, String> env,
      Path cacheDir,
      VggModel model,
      Preprocessing convention) {
    if (explicit != null) {
      return requireFile(explicit, "--weights");
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return requireFile(Path.of(fromEnv), "$" + ENV_VAR);
    }
    WeightsCache cache = cacheDir != null ? new WeightsCache(cacheDir) : cacheFromEnv(env);
    Optional<Path> cached = cache.findCached(model, convention);
    if (cached.isEmpty() && convention != null) {
      cached = cache.findCached(model, null);
    }
    return cached.orElseThrow(
        () ->
            new NstException(
                "no "
                    + model.cliName()
                    + " weights found (no --weights, no $"
                    + ENV_VAR
                    + ", nothing in "
                    + cache.directory()
                    + "); run 'neural-style weights download "
                    + model.cliName()
                    + "' or pass --weights FILE"));
  }

  private static WeightsCache cacheFromEnv(Map<String, String> env) {
    String dir = env.get(WeightsCache.ENV_VAR);
    return dir != null && !dir.isBlank() ? new WeightsCache(Path.of(dir)) : WeightsCache.open(null);
  }

  private static Path requireFile(Path file, String source) {
    RegularFiles.require(file, "weights file (from " + source + ")");
    if (!Files.isReadable(file)) {
      throw new NstException("weights file " + file + " (from " + source + ") is not readable");
    }
    return file;
  }
}

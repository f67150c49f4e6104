package dev.neuralstyle.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --cache-dir}, declared once for every command that finds weights in the cache ({@code
 * transfer}, {@code batch}, {@code video}, {@code serve}, {@code reproduce}, {@code weights list}
 * and {@code download}): a picocli mixin.
 */
final class CacheDirOption {
  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Weights cache. Default: $NEURAL_STYLE_CACHE, else $XDG_CACHE_HOME/neural-style/models,"
              + " else ~/.cache/neural-style/models.")
  Path dir;

  /** {@code --cache-dir}, or {@code null} for the default. */
  Path get() {
    return dir;
  }
}

package dev.neuralstyle.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --weights} and {@code --cache-dir}, declared once for every command that loads VGG weights
 * ({@code transfer}, {@code batch}, {@code video}, {@code serve}, {@code reproduce}): a picocli
 * mixin. {@link WeightsResolver} finds the file from them.
 */
final class WeightsOptions {
  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description =
          "VGG weights (.safetensors, .pth or Keras .h5). Default: $NEURAL_STYLE_WEIGHTS, then"
              + " the weights cache.")
  Path weights;

  @Mixin CacheDirOption cache = new CacheDirOption();

  /** {@code --weights}, or {@code null}. */
  Path weights() {
    return weights;
  }

  /** {@code --cache-dir}, or {@code null}. */
  Path cacheDir() {
    return cache.get();
  }
}

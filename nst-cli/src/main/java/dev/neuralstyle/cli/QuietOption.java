package dev.neuralstyle.cli;

import picocli.CommandLine.Option;

/**
 * {@code --quiet}, declared once for the commands where it means exactly "errors only" ({@code
 * transfer}, {@code video}, {@code reproduce}): a picocli mixin. {@code batch} and {@code weights
 * download} declare their own, as they still print a summary line or the file's path.
 */
final class QuietOption {
  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  /** Whether {@code --quiet} was given. */
  boolean on() {
    return quiet;
  }
}

package dev.neuralstyle.cli;

import picocli.CommandLine.Option;

/**
 * {@code --device}, declared once for the commands that compute ({@code transfer}, {@code batch},
 * {@code video} through {@link TransferSettings}, and {@code reproduce}): a picocli mixin. The
 * description is the {@code device} setting's ({@code SettingOptionsTest} checks that they agree;
 * the transfer commands read it from the schema through {@link SettingDescriptions}).
 */
final class DeviceOption {
  @Option(
      names = "--device",
      paramLabel = "DEV",
      description =
          "auto (the first CUDA GPU if the engine sees one, else the CPU), cpu, gpu or gpu:N."
              + " A GPU needs a build with -Pcuda (see the README).")
  String device;

  /** {@code --device} as given, or {@code null}. */
  String text() {
    return device;
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.weights.download.VerificationResult;
import dev.neuralstyle.weights.download.WeightsVerifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neural-style weights verify FILE}: checks a file's digests against the catalog. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check a weights file's SHA-256/MD5 against the catalog of official files.",
      "Exit code 0 when the content is verified, 1 when it is corrupt or unknown."
    })
public final class WeightsVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The weights file.")
  Path file;

  @Override
  public Integer call() {
    VerificationResult result = WeightsVerifier.verify(file);
    spec.commandLine().getOut().println(result.describe());
    spec.commandLine().getOut().println("sha256 " + result.digests().sha256());
    spec.commandLine().getOut().flush();
    return result.verified() ? 0 : 1;
  }
}

package dev.neuralstyle.cli;

/** Entry point of the {@code neural-style} command. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its code: 0 ok, 1 failure, 2 usage error. */
  public static void main(String[] args) {
    // DJL must never reach the network: every native library comes from Maven Central jars.
    System.setProperty("ai.djl.offline", "true");
    System.exit(NeuralStyleCommand.commandLine().execute(args));
  }
}

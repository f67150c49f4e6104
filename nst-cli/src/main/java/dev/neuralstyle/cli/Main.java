package dev.neuralstyle.cli;

/** Entry point of the {@code neural-style} command. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its code: 0 ok, 1 failure, 2 usage error. */
  public static void main(String[] args) {
    // DJL must never reach the network: every native library comes from Maven Central jars.
    System.setProperty("ai.djl.offline", "true");
    int code;
    try {
      code = NeuralStyleCommand.commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // Every run estimates its memory first; this is the last resort, still one line.
      System.err.println(
          "error: out of memory (Java heap); use a smaller --size, --style-size or image, or give"
              + " Java more with NEURAL_STYLE_JAVA_OPTS=-Xmx…");
      code = 1;
    } catch (StackOverflowError e) {
      System.err.println("error: internal error: the input nests too deeply (stack overflow)");
      code = 1;
    }
    System.exit(code);
  }
}

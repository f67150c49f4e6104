package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.web.WebServer;
import dev.neuralstyle.web.WebSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style serve}: the local web app. Binds to loopback unless {@code --host} says
 * otherwise, which is warned about loudly; runs until Ctrl-C, which marks a running job failed and
 * resumable.
 */
@Command(
    name = "serve",
    sortOptions = false,
    showDefaultValues = true,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Serve the web app: upload images, tune the options, watch the image evolve, keep a gallery.",
      "Jobs run one at a time and survive restarts (SQLite records, files under --data-dir).",
      ""
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NeuralStyleCommand parent;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port (0: any free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = WebSettings.LOOPBACK,
      description = "Interface to bind. Anything but loopback exposes the server to the network.")
  String host;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "neural-style-data",
      description = "Job database and files.")
  Path dataDir;

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description =
          "The server's VGG weights. Default: $NEURAL_STYLE_WEIGHTS, then the weights cache.")
  Path weights;

  @Option(
      names = "--queue",
      paramLabel = "N",
      defaultValue = "8",
      description = "Jobs that may wait.")
  int queue;

  @Override
  public Integer call() throws InterruptedException {
    Path file = WeightsResolver.resolve(weights, parent.env(), null, Defaults.MODEL, null);
    WebSettings settings =
        WebSettings.of(port, dataDir, file)
            .withHost(host)
            .withQueueCapacity(queue)
            .withToolVersion(VersionProvider.toolVersion());
    Streams streams = Streams.of(spec.commandLine());
    if (!settings.isLoopback()) {
      streams
          .err()
          .printf(
              Locale.ROOT,
              "WARNING: binding to %s exposes this server to the network: anyone who can reach it"
                  + " can upload images and use this machine's CPU. There is no authentication.%n",
              host);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (WebServer server = WebServer.start(settings)) {
      Thread hook =
          new Thread(
              () -> {
                server.close();
                stopped.countDown();
              },
              "neural-style-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      streams
          .out()
          .printf(
              Locale.ROOT,
              "serving http://%s:%d/ (data: %s, weights: %s); Ctrl-C stops%n",
              host.contains(":") ? "[" + host + "]" : host,
              server.port(),
              dataDir.toAbsolutePath(),
              file);
      streams.out().flush();
      streams.err().flush();
      stopped.await();
    }
    return 0;
  }
}

package dev.neuralstyle.cli;

import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.web.WebAccess;
import dev.neuralstyle.web.WebServer;
import dev.neuralstyle.web.WebSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      description =
          "Interface to bind. Anything but loopback exposes the server to the network; it then"
              + " requires an access token (see --token) and answers only to the names of"
              + " --allow-host.")
  String host;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      split = ",",
      description =
          "Host names the server answers to besides localhost and the --host address (e.g."
              + " the machine's DNS name when it is exposed on purpose). Requests naming any"
              + " other host are refused (DNS rebinding).")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Access token every request must carry (opening /?token=TOKEN once sets a cookie;"
              + " scripts send 'Authorization: Bearer TOKEN'). Default: $NEURAL_STYLE_TOKEN; a"
              + " random one is made and printed when --host is not loopback.")
  String token;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "neural-style-data",
      description = "Job database and files.")
  Path dataDir;

  @Mixin WeightsOptions weights = new WeightsOptions();

  @Option(
      names = "--queue",
      paramLabel = "N",
      defaultValue = "8",
      description = "Jobs that may wait (1 to 100).")
  int queue;

  @Option(
      names = "--max-size",
      paramLabel = "PX",
      defaultValue = "2048",
      description = "Largest output and style image side a job may ask for.")
  int maxSize;

  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      defaultValue = "5000",
      description = "Most iterations a job may ask for.")
  int maxIterations;

  @Override
  public Integer call() throws InterruptedException {
    if (queue < 1 || queue > WebSettings.MAX_QUEUE) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid value for --queue: must be between 1 and "
              + WebSettings.MAX_QUEUE
              + ", found "
              + queue);
    }
    if (maxSize < 16 || maxSize > StyleTransferRequest.MAX_SIDE) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid value for --max-size: must be between 16 and "
              + StyleTransferRequest.MAX_SIDE
              + ", found "
              + maxSize);
    }
    if (maxIterations < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid value for --max-iterations: must be >= 1, found " + maxIterations);
    }
    String key = token != null ? token : parent.env().get("NEURAL_STYLE_TOKEN");
    if (key != null && key.length() < 16) {
      throw new ParameterException(
          spec.commandLine(), "invalid value for --token: at least 16 characters are required");
    }
    WebSettings probe = WebSettings.of(port, dataDir, Path.of(".")).withHost(host);
    if (key == null && !probe.isLoopback()) {
      key = WebAccess.randomToken();
    }
    Path file =
        WeightsResolver.resolve(
            weights.weights(), parent.env(), weights.cacheDir(), Defaults.MODEL, null);
    WebSettings settings =
        WebSettings.of(port, dataDir, file)
            .withHost(host)
            .withQueueCapacity(queue)
            .withToolVersion(VersionProvider.toolVersion())
            .withJobLimits(maxSize, maxIterations, 0);
    settings = settings.withAccess(WebAccess.of(host, allowHosts, key));
    Streams streams = Streams.of(spec.commandLine());
    if (!settings.isLoopback()) {
      streams
          .err()
          .printf(
              Locale.ROOT,
              "WARNING: binding to %s exposes this server to the network: anyone who can reach it"
                  + " and has the token can upload images and use this machine's CPU; it answers only"
                  + " to host names %s%n",
              host,
              settings.access().hosts());
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
              "serving http://%s:%d/%s (data: %s, weights: %s); Ctrl-C stops%n",
              host.contains(":") ? "[" + host + "]" : host,
              server.port(),
              settings.access().token() == null ? "" : "?token=" + settings.access().token(),
              dataDir.toAbsolutePath(),
              file);
      streams.out().flush();
      streams.err().flush();
      stopped.await();
    }
    return 0;
  }
}

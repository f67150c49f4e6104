package dev.neuralstyle.cli;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.weights.download.CatalogEntry;
import dev.neuralstyle.weights.download.Integrity;
import dev.neuralstyle.weights.download.WeightsCache;
import dev.neuralstyle.weights.download.WeightsCatalog;
import dev.neuralstyle.weights.download.WeightsDownloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code neural-style weights download vgg19|vgg16}: fetches the official file into the cache,
 * resuming an interrupted download and verifying the digests before the file gets its final name.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    showDefaultValues = true,
    description = {
      "Download official VGG weights into the cache (resumable, verified).",
      "caffe: the Keras notop file (convolutions only, Caffe convention, 80 MB for VGG-19);"
          + " torchvision: torchvision's retrained weights (548 MB for VGG-19)."
    })
public final class WeightsDownloadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand WeightsCommand parent;

  @Parameters(
      index = "0",
      paramLabel = "MODEL",
      description =
          "vgg19 or vgg16 (with --convention), or a catalog id or file name from 'weights list'"
              + " (e.g. vgg19-caffe-caffemodel, imagenet-vgg-verydeep-19.mat).")
  String model;

  @Option(
      names = "--convention",
      paramLabel = "CONV",
      converter = Converters.Convention.class,
      defaultValue = "caffe",
      description = "caffe or torchvision.")
  Preprocessing convention;

  @Mixin CacheDirOption cacheDir = new CacheDirOption();

  @Option(
      names = "--url",
      split = ",",
      paramLabel = "URL",
      description =
          "Download from this mirror instead; the file must still match the catalog's"
              + " digests.")
  List<URI> urls;

  /** For tests against a local server: accept a file with this SHA-256 instead of the catalog's. */
  @Option(names = "--sha256", hidden = true, paramLabel = "HEX")
  String sha256;

  /** For tests against a local server: the bound on a file of unpublished size, in bytes. */
  @Option(names = "--max-unknown-size", hidden = true, paramLabel = "BYTES")
  long maxUnknownSize = WeightsDownloader.DEFAULT_MAX_UNKNOWN_SIZE;

  @Option(names = "--quiet", description = "Print nothing but errors and the file's path.")
  boolean quiet;

  @Override
  public Integer call() {
    CatalogEntry entry =
        WeightsCatalog.byId(model)
            .or(() -> WeightsCatalog.byFileName(model))
            .orElseGet(() -> WeightsCatalog.find(modelOf(model), convention));
    if (WeightsCatalog.isManual(entry)) {
      throw new NstException(
          entry.fileName()
              + " has no scriptable download ("
              + entry.description()
              + "): get it from the link at "
              + entry.urls().get(0)
              + ", then check it with 'neural-style weights verify "
              + entry.fileName()
              + "' (expects "
              + entry.integrity().describe()
              + ")");
    }
    if (maxUnknownSize < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid value for --max-unknown-size: must be >= 1, found " + maxUnknownSize);
    }
    if (urls != null && !urls.isEmpty()) {
      for (URI url : urls) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
          throw new ParameterException(
              spec.commandLine(),
              "invalid value for --url: must be an http:// or https:// URL, found '" + url + "'");
        }
      }
      entry = entry.withUrls(urls);
    }
    if (sha256 != null) {
      entry =
          new CatalogEntry(
              entry.id(),
              entry.model(),
              entry.preprocessing(),
              entry.fileName(),
              entry.urls(),
              Integrity.ofSha256(sha256, -1),
              entry.description(),
              entry.attribution());
    }
    Path dir = cacheDir.get() != null ? cacheDir.get() : cacheFromEnv();
    Streams streams = Streams.of(spec.commandLine());
    if (!quiet) {
      streams.err().println(entry.id() + ": " + entry.description());
      streams.err().println("from " + entry.urls().get(0));
      streams.err().flush();
    }
    String name = entry.fileName();
    Path part = dir.resolve(name + WeightsCache.PART_SUFFIX);
    Thread stopped =
        new Thread(
            () -> {
              streams
                  .err()
                  .println(
                      System.lineSeparator()
                          + "download of "
                          + name
                          + (java.nio.file.Files.isRegularFile(part)
                              ? " stopped; the bytes so far are kept in "
                                  + part
                                  + ": run the same command again to resume"
                              : " stopped before any byte was kept: run the same command again"));
              streams.err().flush();
            },
            "neural-style-download-stopped");
    Runtime.getRuntime().addShutdownHook(stopped); // SIGTERM or Ctrl-C mid-download
    Path file;
    try {
      file =
          new WeightsDownloader(
                  WeightsDownloader.DEFAULT_CONNECT_TIMEOUT,
                  WeightsDownloader.DEFAULT_IDLE_TIMEOUT,
                  maxUnknownSize)
              .download(
                  entry, dir, new DownloadProgress(streams.err(), streams.interactive(), quiet));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopped);
      } catch (IllegalStateException e) {
        // shutting down already: the hook prints its message
      }
    }
    streams.out().println(file);
    if (!quiet) {
      streams.err().println("verified: " + entry.integrity().describe());
      streams.err().println("licence: " + entry.attribution());
    }
    streams.out().flush();
    streams.err().flush();
    return 0;
  }

  private VggModel modelOf(String text) {
    try {
      return VggModel.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown model '"
              + text
              + "': expected vgg19, vgg16 or a catalog id or file name from 'weights list'",
          e);
    }
  }

  private Path cacheFromEnv() {
    String dir = parent.parent.env().get(WeightsCache.ENV_VAR);
    return dir != null && !dir.isBlank() ? Path.of(dir) : WeightsCache.defaultDirectory();
  }
}

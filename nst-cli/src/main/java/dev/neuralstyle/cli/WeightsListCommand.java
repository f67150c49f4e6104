package dev.neuralstyle.cli;

import dev.neuralstyle.weights.download.CatalogEntry;
import dev.neuralstyle.weights.download.WeightsCache;
import dev.neuralstyle.weights.download.WeightsCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neural-style weights list}: the catalog, what is in the cache, and other cached files. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List the official weight files and which of them are in the cache.")
public final class WeightsListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand WeightsCommand parent;

  @Mixin CacheDirOption cacheDir = new CacheDirOption();

  private static String status(WeightsCache cache, CatalogEntry e) {
    if (cache.isCached(e)) {
      return "cached";
    }
    // Present under the catalog name but of the wrong size: corrupt, or not the official file.
    return Files.exists(cache.pathFor(e)) ? "wrong-size" : "-";
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String env = parent.parent.env().get(WeightsCache.ENV_VAR);
    WeightsCache cache =
        cacheDir.get() != null || env == null || env.isBlank()
            ? WeightsCache.open(cacheDir.get())
            : new WeightsCache(Path.of(env));
    out.println("cache: " + cache.directory());
    for (CatalogEntry e : WeightsCatalog.all()) {
      out.printf(
          Locale.ROOT,
          "%-10s %-20s %-11s %s%n",
          status(cache, e),
          e.id(),
          e.preprocessing().cliName(),
          e.fileName());
    }
    for (Path p : cache.listCached()) {
      if (WeightsCatalog.byFileName(p.getFileName().toString()).isEmpty()) {
        out.println("other      " + p.getFileName());
      }
    }
    out.println(
        "download one with: neural-style weights download vgg19 [--convention torchvision]");
    out.println("check a file with:  neural-style weights verify FILE");
    out.flush();
    return 0;
  }
}

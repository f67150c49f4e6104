package dev.neuralstyle.weights.download;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory that holds downloaded weight files. A file appears there under its catalog name
 * only after {@link WeightsDownloader} has verified it; until then it is {@code <name>.part}.
 *
 * <p>The directory is, in order: an explicit override, the environment variable {@value #ENV_VAR},
 * {@code $XDG_CACHE_HOME/neural-style/models}, and {@code ~/.cache/neural-style/models} ({@code
 * %LOCALAPPDATA%\neural-style\models} on Windows).
 */
public final class WeightsCache {
  /** Environment variable naming the cache directory. */
  public static final String ENV_VAR = "NEURAL_STYLE_CACHE";

  /** Suffix of a file that is still being downloaded. */
  public static final String PART_SUFFIX = ".part";

  private final Path directory;

  /** A cache in {@code directory}, which need not exist yet. */
  public WeightsCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
  }

  /**
   * The cache in {@code override} if it is not {@code null}, else in {@link #defaultDirectory()}.
   */
  public static WeightsCache open(Path override) {
    return new WeightsCache(override != null ? override : defaultDirectory());
  }

  /** The default directory for this user and platform (see the class comment). */
  public static Path defaultDirectory() {
    return resolveDirectory(
        null, System.getenv(), System.getProperty("os.name", ""), Path.of(userHome()));
  }

  /** The directory lookup without side effects, for tests: override, env, XDG, platform default. */
  static Path resolveDirectory(Path override, Map<String, String> env, String osName, Path home) {
    if (override != null) {
      return override;
    }
    String explicit = env.get(ENV_VAR);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    // The XDG base directory spec says relative values are invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "neural-style", "models");
    }
    if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base =
          local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData/Local");
      return base.resolve("neural-style").resolve("models");
    }
    return home.resolve(".cache").resolve("neural-style").resolve("models");
  }

  /** The absolute cache directory. */
  public Path directory() {
    return directory;
  }

  /** Where {@code entry} lives once it is complete and verified. */
  public Path pathFor(CatalogEntry entry) {
    return directory.resolve(entry.fileName());
  }

  /** Where {@code entry} is kept while it downloads. */
  public Path partPathFor(CatalogEntry entry) {
    return directory.resolve(entry.fileName() + PART_SUFFIX);
  }

  /** Whether {@code entry} is present under its final name with its published size, if known. */
  public boolean isCached(CatalogEntry entry) {
    Path file = pathFor(entry);
    try {
      return Files.isRegularFile(file)
          && (entry.expectedSize() < 0 || Files.size(file) == entry.expectedSize());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The best complete file for {@code model} and {@code preprocessing} ({@code null} = either
   * convention), in the catalog's order of preference. Only final names count, never {@code .part}
   * files; the name stands for the verification done before the file was renamed into place. Use
   * {@link WeightsVerifier} to check a file's contents again.
   */
  public Optional<Path> findCached(VggModel model, Preprocessing preprocessing) {
    Objects.requireNonNull(model, "model");
    return WeightsCatalog.candidates(model, preprocessing).stream()
        .filter(this::isCached)
        .map(this::pathFor)
        .findFirst();
  }

  /**
   * Every complete regular file in the cache directory, catalogued or not, sorted by name; {@code
   * .part} files and hidden files are left out. Empty if the directory does not exist.
   */
  public List<Path> listCached() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(PART_SUFFIX))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new NstException("cannot list weights cache " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String userHome() {
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank()) {
      throw new NstException(
          "cannot find a cache directory: no home directory; set " + ENV_VAR + " or pass one");
    }
    return home;
  }
}

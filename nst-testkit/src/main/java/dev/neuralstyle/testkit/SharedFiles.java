package dev.neuralstyle.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared data directory (real weights, images), located through the system property
 * {@code nst.shared.dir} that surefire sets. Tests that need it skip when it is absent.
 */
public final class SharedFiles {
  /** The system property naming the shared directory. */
  public static final String PROPERTY = "nst.shared.dir";

  private SharedFiles() {}

  /** The shared directory, if the property is set and the directory exists. */
  public static Optional<Path> dir() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path dir = Path.of(value).normalize();
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** The {@code models} folder of the shared directory, if present. */
  public static Optional<Path> models() {
    return dir().map(d -> d.resolve("models")).filter(Files::isDirectory);
  }

  /** The real partial VGG-19 safetensors file (conv1_1 to conv3_4), if present. */
  public static Optional<Path> partialVgg19() {
    return models()
        .map(d -> d.resolve("vgg19-imagenet-conv1_1-conv3_4.safetensors"))
        .filter(Files::isRegularFile);
  }

  /**
   * Returns {@code file}'s path in the models folder, or skips the calling test if it is absent.
   */
  public static Path assumeModel(String file) {
    Optional<Path> path = models().map(d -> d.resolve(file)).filter(Files::isRegularFile);
    Assumptions.assumeTrue(path.isPresent(), "shared model file " + file + " not available");
    return path.get();
  }
}

package dev.neuralstyle.reproduce;

import dev.neuralstyle.NstException;
import dev.neuralstyle.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Picks style images from a file or a folder. */
final class StyleFolder {
  private static final List<String> EXTENSIONS =
      List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp");

  private StyleFolder() {}

  /**
   * A file as is; in a folder, the files whose base names are among {@code preferred} (in that
   * order), or if none is present, every image file sorted by name.
   */
  static List<Path> pick(Path fileOrFolder, Collection<String> preferred) {
    if (Files.isRegularFile(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    if (!Files.isDirectory(fileOrFolder)) {
      throw SettingException.invalid("style", "no such file or folder: " + fileOrFolder);
    }
    List<Path> images;
    try (Stream<Path> files = Files.list(fileOrFolder)) {
      images =
          files.filter(Files::isRegularFile).filter(StyleFolder::isImageName).sorted().toList();
    } catch (IOException e) {
      throw new NstException(
          "cannot list the style folder " + fileOrFolder + ": " + e.getMessage(), e);
    }
    if (images.isEmpty()) {
      throw SettingException.invalid("style", "no image files in " + fileOrFolder);
    }
    List<Path> chosen = new ArrayList<>();
    for (String name : preferred) {
      images.stream()
          .filter(p -> Labels.baseName(p).equals(name))
          .findFirst()
          .ifPresent(chosen::add);
    }
    return chosen.isEmpty() ? images : List.copyOf(chosen);
  }

  private static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}

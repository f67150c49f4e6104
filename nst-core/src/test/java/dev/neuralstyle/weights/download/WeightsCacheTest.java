package dev.neuralstyle.weights.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsCacheTest {
  private static final Path HOME = Path.of("/home/ada");

  @TempDir Path dir;

  @Test
  void directory_lookup_order() {
    Path override = Path.of("/opt/weights");
    Map<String, String> env =
        Map.of(WeightsCache.ENV_VAR, "/srv/nst", "XDG_CACHE_HOME", "/var/cache/ada");
    assertEquals(override, WeightsCache.resolveDirectory(override, env, "Linux", HOME));
    assertEquals(Path.of("/srv/nst"), WeightsCache.resolveDirectory(null, env, "Linux", HOME));
    assertEquals(
        Path.of("/var/cache/ada/neural-style/models"),
        WeightsCache.resolveDirectory(
            null, Map.of("XDG_CACHE_HOME", "/var/cache/ada"), "Linux", HOME));
    assertEquals(
        Path.of("/home/ada/.cache/neural-style/models"),
        WeightsCache.resolveDirectory(
            null, Map.of("XDG_CACHE_HOME", "relative/ignored"), "Linux", HOME));
    assertEquals(
        Path.of("/appdata/neural-style/models"),
        WeightsCache.resolveDirectory(
            null, Map.of("LOCALAPPDATA", "/appdata"), "Windows 11", HOME));
  }

  @Test
  void find_cached_ignores_part_files_and_prefers_the_catalog_order() throws Exception {
    WeightsCache cache = new WeightsCache(dir);
    CatalogEntry keras = WeightsCatalog.find(VggModel.VGG19, Preprocessing.CAFFE);
    CatalogEntry torch = WeightsCatalog.find(VggModel.VGG19, Preprocessing.TORCHVISION);
    Files.write(cache.partPathFor(keras), new byte[100]);
    Files.write(cache.partPathFor(torch), new byte[100]);

    assertEquals(Optional.empty(), cache.findCached(VggModel.VGG19, null));
    assertEquals(List.of(), cache.listCached());

    Files.write(cache.pathFor(torch), new byte[100]);
    assertEquals(Optional.of(cache.pathFor(torch)), cache.findCached(VggModel.VGG19, null));
    assertEquals(Optional.empty(), cache.findCached(VggModel.VGG19, Preprocessing.CAFFE));
    assertEquals(Optional.empty(), cache.findCached(VggModel.VGG16, null));
    assertEquals(List.of(cache.pathFor(torch)), cache.listCached());
  }

  @Test
  void find_cached_skips_a_file_of_the_wrong_published_size() throws Exception {
    WeightsCache cache = new WeightsCache(dir);
    CatalogEntry keras = WeightsCatalog.find(VggModel.VGG16, Preprocessing.CAFFE);
    Files.write(cache.pathFor(keras), new byte[100]); // published size is 58,889,256 bytes
    assertTrue(cache.findCached(VggModel.VGG16, Preprocessing.CAFFE).isEmpty());
  }

  @Test
  void missing_directory_lists_nothing() {
    assertEquals(List.of(), new WeightsCache(dir.resolve("absent")).listCached());
  }
}

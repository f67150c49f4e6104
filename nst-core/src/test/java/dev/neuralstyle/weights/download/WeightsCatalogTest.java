package dev.neuralstyle.weights.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsCatalogTest {

  @Test
  void caffe_convention_prefers_the_keras_notop_file() {
    CatalogEntry e = WeightsCatalog.find(VggModel.VGG19, Preprocessing.CAFFE);
    assertEquals("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", e.fileName());
    assertEquals(80_134_624L, e.expectedSize());
    assertEquals("253f8cb515780f3b799900260a226db6", e.integrity().md5());
    assertEquals(2, e.urls().size());
    assertTrue(e.urls().get(0).toString().startsWith("https://storage.googleapis.com/"));
    assertTrue(e.urls().get(1).toString().startsWith("https://github.com/fchollet/"));
  }

  @Test
  void torchvision_entries_carry_the_sha256_prefix_of_their_name() {
    CatalogEntry e = WeightsCatalog.find(VggModel.VGG16, Preprocessing.TORCHVISION);
    assertEquals("vgg16-397923af.pth", e.fileName());
    assertEquals("397923af", e.integrity().sha256Prefix());
    assertEquals(
        URI.create("https://download.pytorch.org/models/vgg16-397923af.pth"), e.urls().get(0));
  }

  @Test
  void every_model_and_convention_has_an_entry_and_names_are_unique() {
    for (VggModel m : VggModel.values()) {
      for (Preprocessing p : Preprocessing.values()) {
        CatalogEntry e = WeightsCatalog.find(m, p);
        assertEquals(m, e.model());
        assertEquals(p, e.preprocessing());
      }
      assertEquals(5, WeightsCatalog.candidates(m, null).size());
    }
    assertEquals(
        10,
        new HashSet<>(WeightsCatalog.all().stream().map(CatalogEntry::fileName).toList()).size());
    assertEquals(
        "vgg19-caffe-pth", WeightsCatalog.byFileName("vgg19-d01eb7cb.pth").orElseThrow().id());
  }

  @Test
  void with_urls_replaces_locations_and_keeps_integrity() {
    CatalogEntry e = WeightsCatalog.find(VggModel.VGG19, Preprocessing.CAFFE);
    List<URI> mirror = List.of(URI.create("http://127.0.0.1:1/x.h5"));
    CatalogEntry moved = e.withUrls(mirror);
    assertEquals(mirror, moved.urls());
    assertEquals(e.integrity(), moved.integrity());
    assertThrows(IllegalArgumentException.class, () -> e.withUrls(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> e.withUrls(List.of(URI.create("file:///tmp/x.h5"))));
  }

  @Test
  void integrity_matches_only_when_every_given_value_matches() {
    FileDigests d = new FileDigests(10, "ab".repeat(32), "cd".repeat(16));
    assertTrue(Integrity.ofSha256Prefix("ABABABAB").matches(d));
    assertTrue(Integrity.ofMd5("cd".repeat(16), 10).matches(d));
    assertFalse(Integrity.ofMd5("cd".repeat(16), 11).matches(d));
    assertFalse(Integrity.ofSha256("ab".repeat(31) + "ac", -1).matches(d));
    assertThrows(IllegalArgumentException.class, () -> Integrity.ofMd5("xyz", -1));
    assertThrows(IllegalArgumentException.class, () -> new Integrity(null, null, null, 5));
  }
}

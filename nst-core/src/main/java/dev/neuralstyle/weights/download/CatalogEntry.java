package dev.neuralstyle.weights.download;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One published weights file: which network and input convention it holds, where to get it and how
 * to recognise a correct copy.
 *
 * @param id short stable name, e.g. {@code vgg19-caffe-keras}
 * @param model the VGG variant whose convolutions the file holds
 * @param preprocessing the input convention the weights were trained with
 * @param fileName the file's name in the cache (also its published name)
 * @param urls where to download it: the primary location first, then mirrors
 * @param integrity digests and size a correct copy must have
 * @param description one line for listings: contents, layout and approximate size
 * @param attribution who made the weights and under which terms they were published
 */
public record CatalogEntry(
    String id,
    VggModel model,
    Preprocessing preprocessing,
    String fileName,
    List<URI> urls,
    Integrity integrity,
    String description,
    String attribution) {

  /** Validates the entry: a plain file name and at least one absolute http(s) URL. */
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(attribution, "attribution");
    if (fileName.isEmpty()
        || fileName.contains("/")
        || fileName.contains("\\")
        || fileName.startsWith(".")
        || fileName.endsWith(WeightsCache.PART_SUFFIX)) {
      throw new IllegalArgumentException("invalid weights file name '" + fileName + "'");
    }
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("entry " + id + " needs at least one URL");
    }
    for (URI url : urls) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException("entry " + id + ": not an http(s) URL: " + url);
      }
    }
  }

  /**
   * The same entry fetched from other locations, tried in the given order; for tests and for users
   * behind a local mirror. The integrity values stay, so a mirror cannot substitute another file.
   */
  public CatalogEntry withUrls(List<URI> newUrls) {
    return new CatalogEntry(
        id, model, preprocessing, fileName, newUrls, integrity, description, attribution);
  }

  /** The exact size in bytes, or -1 if it is not published. */
  public long expectedSize() {
    return integrity.size();
  }
}

package dev.neuralstyle.weights.download;

import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.VggModel;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The official VGG weight files this project can use, with their download locations and integrity
 * values (WEIGHT-FORMATS section 9).
 *
 * <p>For the Caffe convention two files hold the same numbers: the Keras "notop" {@code .h5} and
 * Justin Johnson's Caffe-converted {@code .pth}. Both were converted from the Oxford VGG release.
 * {@link #find} prefers the Keras file because it holds only the convolutions, which is all style
 * transfer uses (80 MB instead of about 550 MB for VGG-19), because its exact size and full MD5 are
 * published (the {@code .pth} is known only by an 8-digit SHA-256 prefix), and because it is served
 * from Google Cloud Storage with a GitHub mirror rather than from one personal university page.
 */
public final class WeightsCatalog {
  private static final String KERAS =
      "https://storage.googleapis.com/tensorflow/keras-applications/";
  private static final String KERAS_OLD =
      "https://github.com/fchollet/deep-learning-models/releases/download/v0.1/";
  private static final String OXFORD_TERMS =
      "VGG-%d by K. Simonyan and A. Zisserman (arXiv 1409.1556), Visual Geometry Group, University"
          + " of Oxford; the original weights are published under a Creative Commons Attribution"
          + " licence. %s";

  private static final List<CatalogEntry> ENTRIES =
      List.of(
          keras(VggModel.VGG19, "253f8cb515780f3b799900260a226db6", 80_134_624L),
          caffePth(VggModel.VGG19, "d01eb7cb"),
          torchvision(VggModel.VGG19, "dcbb9e9d", "548"),
          keras(VggModel.VGG16, "6d6bbae143d832006294945121d1f1fc", 58_889_256L),
          caffePth(VggModel.VGG16, "00b39a1b"),
          torchvision(VggModel.VGG16, "397923af", "528"),
          caffemodel(VggModel.VGG19, "b5c644beabd7cf06bdd9065cfd674c97", 574_671_192L),
          caffemodel(VggModel.VGG16, "441315b0ff6932dbfde97731be7ca852", -1),
          matconvnet(),
          machrisaaNpy());

  /** Entries whose file has no scriptable URL: their URL is the page that links to it. */
  private static final java.util.Set<String> MANUAL = java.util.Set.of("vgg16-caffe-npy");

  private WeightsCatalog() {}

  /**
   * Every entry, preferred first within each model: Keras notop (Caffe convention), Caffe-converted
   * {@code .pth}, torchvision; VGG-19 before VGG-16.
   */
  public static List<CatalogEntry> all() {
    return ENTRIES;
  }

  /** The preferred file for a model and convention (see the class comment for the Caffe choice). */
  public static CatalogEntry find(VggModel model, Preprocessing preprocessing) {
    return candidates(model, preprocessing).get(0);
  }

  /**
   * All entries for {@code model} and {@code preprocessing} in order of preference; a {@code null}
   * preprocessing matches both conventions (Caffe first, as in Gatys et al.).
   */
  public static List<CatalogEntry> candidates(VggModel model, Preprocessing preprocessing) {
    return ENTRIES.stream()
        .filter(e -> e.model() == model)
        .filter(e -> preprocessing == null || e.preprocessing() == preprocessing)
        .toList();
  }

  /** The entry whose cache file name is {@code fileName}, if any. */
  public static Optional<CatalogEntry> byFileName(String fileName) {
    return ENTRIES.stream().filter(e -> e.fileName().equals(fileName)).findFirst();
  }

  /** The entry with the given {@link CatalogEntry#id()}, if any. */
  public static Optional<CatalogEntry> byId(String id) {
    return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static CatalogEntry keras(VggModel model, String md5, long size) {
    int depth = depth(model);
    String name = "vgg" + depth + "_weights_tf_dim_ordering_tf_kernels_notop.h5";
    return new CatalogEntry(
        model.cliName() + "-caffe-keras",
        model,
        Preprocessing.CAFFE,
        name,
        List.of(URI.create(KERAS + "vgg" + depth + "/" + name), URI.create(KERAS_OLD + name)),
        Integrity.ofMd5(md5, size),
        "Keras Applications VGG-"
            + depth
            + " without the classifier (convolutions only, HDF5, HWIO"
            + " kernels), Caffe input convention, "
            + size / 1_000_000
            + " MB",
        String.format(OXFORD_TERMS, depth, "Ported to Keras by F. Chollet (Keras, Apache-2.0)."));
  }

  private static CatalogEntry caffePth(VggModel model, String sha256Prefix) {
    int depth = depth(model);
    String name = "vgg" + depth + "-" + sha256Prefix + ".pth";
    return new CatalogEntry(
        model.cliName() + "-caffe-pth",
        model,
        Preprocessing.CAFFE,
        name,
        List.of(URI.create("https://web.eecs.umich.edu/~justincj/models/" + name)),
        Integrity.ofSha256Prefix(sha256Prefix),
        "Caffe VGG-"
            + depth
            + " converted to a PyTorch state dict (with classifier), Caffe input"
            + " convention, about 550 MB; neural-style-pt's script re-saves it under the same name"
            + " with renamed keys, so such copies do not match the hash",
        String.format(OXFORD_TERMS, depth, "Converted to PyTorch by J. Johnson."));
  }

  private static CatalogEntry torchvision(VggModel model, String sha256Prefix, String mib) {
    int depth = depth(model);
    String name = "vgg" + depth + "-" + sha256Prefix + ".pth";
    return new CatalogEntry(
        model.cliName() + "-torchvision",
        model,
        Preprocessing.TORCHVISION,
        name,
        List.of(URI.create("https://download.pytorch.org/models/" + name)),
        Integrity.ofSha256Prefix(sha256Prefix),
        "torchvision VGG-"
            + depth
            + " IMAGENET1K_V1 state dict (with classifier), torchvision input"
            + " convention, "
            + mib
            + " MiB",
        "Retrained on ImageNet-1k by the PyTorch team (torchvision, BSD-3-Clause code); torchvision"
            + " notes that pre-trained weights may carry terms derived from their training data.");
  }

  /**
   * Whether {@code entry}'s file cannot be fetched by a script (a file-sharing site); its URL is
   * then the page that links to it, and {@code weights download} says so instead of fetching.
   */
  public static boolean isManual(CatalogEntry entry) {
    return MANUAL.contains(entry.id());
  }

  private static CatalogEntry caffemodel(VggModel model, String md5, long size) {
    int depth = depth(model);
    String name = "VGG_ILSVRC_" + depth + "_layers.caffemodel";
    return new CatalogEntry(
        model.cliName() + "-caffe-caffemodel",
        model,
        Preprocessing.CAFFE,
        name,
        List.of(URI.create("http://www.robots.ox.ac.uk/~vgg/software/very_deep/caffe/" + name)),
        Integrity.ofMd5(md5, size),
        "the original Caffe VGG-"
            + depth
            + " (jcjohnson/neural-style), V1 NetParameter, Caffe"
            + " input convention, about 550 MB",
        String.format(OXFORD_TERMS, depth, "Caffe release of the authors."));
  }

  private static CatalogEntry matconvnet() {
    return new CatalogEntry(
        "vgg19-caffe-matconvnet",
        VggModel.VGG19,
        Preprocessing.CAFFE,
        "imagenet-vgg-verydeep-19.mat",
        List.of(
            URI.create("https://www.vlfeat.org/matconvnet/models/imagenet-vgg-verydeep-19.mat")),
        Integrity.ofSha256("abdb57167f82a2a1fbab1e1c16ad9373411883f262a1a37ee5db2e6fb0044695", -1),
        "MatConvNet VGG-19 (anishathalye/neural-style, cysmith/neural-style-tf), MAT v5, RGB"
            + " filters (conv1_1 reversed to BGR at load), about 510 MB",
        String.format(OXFORD_TERMS, 19, "Converted to MatConvNet by A. Vedaldi and K. Lenc."));
  }

  private static CatalogEntry machrisaaNpy() {
    return new CatalogEntry(
        "vgg16-caffe-npy",
        VggModel.VGG16,
        Preprocessing.CAFFE,
        "vgg16.npy",
        List.of(
            URI.create("https://github.com/machrisaa/tensorflow-vgg#tensorflow-vgg16-and-vgg19")),
        Integrity.ofSha1("6206897b35c2bfe5d9d16b83314e44fc3ea83b1c", -1),
        "machrisaa/tensorflow-vgg VGG-16 (the paper-reproduction seed), numpy dict of HWIO"
            + " arrays, Caffe convention, about 553 MB; hosted on mega.nz only, so it is"
            + " downloaded by hand",
        String.format(OXFORD_TERMS, 16, "Converted to numpy by machrisaa (tensorflow-vgg)."));
  }

  private static int depth(VggModel model) {
    return model == VggModel.VGG19 ? 19 : 16;
  }
}

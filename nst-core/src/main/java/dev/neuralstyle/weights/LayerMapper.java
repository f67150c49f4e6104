package dev.neuralstyle.weights;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.weights.tensor.RawTensor;
import dev.neuralstyle.weights.tensor.TensorFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a file's tensor names to canonical convolution layers and decides whether it holds VGG-16 or
 * VGG-19. Understands torchvision / Caffe-converted {@code features.N.weight|bias} (N indexes
 * {@link VggModel#layerNames()}), the Keras groups {@code blockB_convC} and canonical {@code
 * convB_C} names. Classifier and other tensors are skipped (and never read).
 */
final class LayerMapper {
  private static final Pattern TORCH =
      Pattern.compile("(?:.*\\.)?features\\.(\\d{1,3})\\.(weight|bias)");
  private static final Pattern NAMED =
      Pattern.compile("(?:block([1-5])_conv([1-4])|conv([1-5])_([1-4]))\\.(weight|bias)");

  /** The result: the model and, per convolution in forward order, its weight and bias tensors. */
  record Mapping(VggModel model, Map<String, RawTensor[]> convs) {}

  private LayerMapper() {}

  static Mapping map(TensorFile tf, VggModel hint, List<String> notes) {
    Map<String, Integer> indexOf = new LinkedHashMap<>();
    Map<String, String> convOf = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (String name : tf.tensors().keySet()) {
      Matcher t = TORCH.matcher(name);
      Matcher n = NAMED.matcher(name);
      if (t.matches()) {
        indexOf.put(name, Integer.parseInt(t.group(1)));
      } else if (n.matches()) {
        String b = n.group(1) != null ? n.group(1) : n.group(3);
        String c = n.group(2) != null ? n.group(2) : n.group(4);
        convOf.put(name, "conv" + b + "_" + c);
      } else {
        skipped.add(name);
      }
    }
    if (indexOf.isEmpty() && convOf.isEmpty()) {
      throw new NstException(
          "weights file "
              + tf.path()
              + " holds no VGG convolution tensors"
              + " (expected features.N.weight or blockB_convC; found "
              + (skipped.isEmpty() ? "no tensors" : abbreviate(skipped))
              + ")");
    }
    Set<VggModel> fits = EnumSet.allOf(VggModel.class);
    for (VggModel m : VggModel.values()) {
      for (int index : indexOf.values()) {
        if (index >= m.layerNames().size() || !m.layerNames().get(index).startsWith("conv")) {
          fits.remove(m);
        }
      }
      for (String conv : convOf.values()) {
        if (!m.convNames().contains(conv)) {
          fits.remove(m);
        }
      }
    }
    // Distinct layers: each convolution has a weight and a bias tensor.
    Set<String> convs = new java.util.LinkedHashSet<>(convOf.values());
    fits.removeIf(m -> contradictsBlocks(m, convs));
    VggModel model = choose(tf, fits, hint, indexOf, convOf, notes);
    Map<String, RawTensor[]> byConv = new LinkedHashMap<>();
    for (String conv : model.convNames()) {
      byConv.put(conv, new RawTensor[2]);
    }
    for (RawTensor t : tf.tensors().values()) {
      String conv =
          indexOf.containsKey(t.name())
              ? model.layerNames().get(indexOf.get(t.name()))
              : convOf.get(t.name());
      if (conv != null) {
        RawTensor[] pair = byConv.get(conv);
        int slot = t.name().endsWith(".weight") ? 0 : 1;
        if (pair[slot] != null) {
          throw new NstException(
              "weights file "
                  + tf.path()
                  + " holds two tensors for "
                  + conv
                  + ": "
                  + pair[slot].name()
                  + " and "
                  + t.name());
        }
        pair[slot] = t;
      }
    }
    byConv.values().removeIf(p -> p[0] == null && p[1] == null);
    return new Mapping(model, byConv);
  }

  /** A block of exactly 3 convolutions followed by a later block rules out VGG-19. */
  private static boolean contradictsBlocks(VggModel m, Iterable<String> convs) {
    int[] count = new int[6];
    int lastBlock = 0;
    for (String c : convs) {
      int b = c.charAt(4) - '0';
      count[b]++;
      lastBlock = Math.max(lastBlock, b);
    }
    for (int b = 3; b < lastBlock; b++) {
      if (count[b] == 3 && m.convsInBlock(b) == 4) {
        return true;
      }
    }
    return false;
  }

  private static VggModel choose(
      TensorFile tf,
      Set<VggModel> fits,
      VggModel hint,
      Map<String, Integer> indexOf,
      Map<String, String> convOf,
      List<String> notes) {
    if (fits.isEmpty()) {
      List<String> names = new ArrayList<>(indexOf.keySet());
      names.addAll(convOf.keySet());
      throw new NstException(
          "weights file "
              + tf.path()
              + " does not match VGG-16 or VGG-19:"
              + " its convolution tensors "
              + abbreviate(names)
              + " fit neither layout");
    }
    if (fits.size() == 1) {
      VggModel only = fits.iterator().next();
      if (hint != null && hint != only) {
        throw new NstException(
            "weights file "
                + tf.path()
                + " holds "
                + only.cliName()
                + " weights, but "
                + hint.cliName()
                + " was requested");
      }
      return only;
    }
    VggModel declared = fromMetadata(tf.metadata().get("architecture"));
    if (declared != null) {
      if (hint != null && hint != declared) {
        throw new NstException(
            "weights file "
                + tf.path()
                + " declares architecture "
                + declared.cliName()
                + ", but "
                + hint.cliName()
                + " was requested");
      }
      return declared;
    }
    if (hint != null) {
      notes.add("model: " + hint.cliName() + " as requested (the file's layers fit both)");
      return hint;
    }
    notes.add("model: assumed vgg19 (the file's layers fit both VGG-16 and VGG-19)");
    return VggModel.VGG19;
  }

  private static VggModel fromMetadata(String text) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT).replace("-", "");
    boolean v16 = t.contains("vgg16");
    boolean v19 = t.contains("vgg19");
    return v16 == v19 ? null : v16 ? VggModel.VGG16 : VggModel.VGG19;
  }

  static String abbreviate(List<String> names) {
    return names.size() <= 6
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 6)) + ", … (" + names.size() + " in all)";
  }
}

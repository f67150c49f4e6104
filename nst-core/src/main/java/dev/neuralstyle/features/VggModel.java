package dev.neuralstyle.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The two VGG convolutional stacks of Simonyan and Zisserman (arXiv 1409.1556) used for style
 * transfer. Gatys et al. (2015) use VGG-19; the Hvass tutorial seed uses VGG-16.
 *
 * <p>Each model is described by its number of convolutions per block; every convolution is 3x3,
 * stride 1, padding 1 and followed by a ReLU, and every block ends with a 2x2 stride-2 pooling.
 */
// The array is a private copy that never leaves; the lists are unmodifiable.
@SuppressWarnings("ImmutableEnumChecker")
public enum VggModel {
  /** VGG-16: 2, 2, 3, 3, 3 convolutions per block (13 in all). */
  VGG16(2, 2, 3, 3, 3),
  /** VGG-19: 2, 2, 4, 4, 4 convolutions per block (16 in all). */
  VGG19(2, 2, 4, 4, 4);

  private final int[] convsPerBlock;
  private final List<String> layerNames;
  private final List<String> convNames;

  VggModel(int... convsPerBlock) {
    this.convsPerBlock = convsPerBlock.clone();
    List<String> layers = new ArrayList<>();
    List<String> convs = new ArrayList<>();
    for (int b = 1; b <= convsPerBlock.length; b++) {
      for (int c = 1; c <= convsPerBlock[b - 1]; c++) {
        layers.add("conv" + b + "_" + c);
        layers.add("relu" + b + "_" + c);
        convs.add("conv" + b + "_" + c);
      }
      layers.add("pool" + b);
    }
    this.layerNames = Collections.unmodifiableList(layers);
    this.convNames = Collections.unmodifiableList(convs);
  }

  /** Number of convolutions in block {@code block} (1-based, 1..5). */
  public int convsInBlock(int block) {
    return convsPerBlock[block - 1];
  }

  /**
   * Every layer in forward order with the paper's names: {@code conv1_1, relu1_1, conv1_2, relu1_2,
   * pool1, conv2_1, ...}. The index of a layer in this list equals its index in torchvision's
   * {@code features} Sequential, so {@code features.N.weight} belongs to {@code
   * layerNames().get(N)}.
   */
  public List<String> layerNames() {
    return layerNames;
  }

  /** The convolution layers only, in forward order ({@code conv1_1 ... conv5_3|conv5_4}). */
  public List<String> convNames() {
    return convNames;
  }

  /** Index of {@code layer} in {@link #layerNames()}, or -1 if this model has no such layer. */
  public int indexOf(String layer) {
    return layerNames.indexOf(layer);
  }

  /** The name used on the command line: {@code vgg16} or {@code vgg19}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code vgg16}/{@code vgg19} (any case, optional dash). */
  public static VggModel parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
    for (VggModel m : values()) {
      if (m.cliName().equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown model '" + text + "': expected vgg16 or vgg19");
  }
}

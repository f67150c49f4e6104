package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.ConvParameters;
import dev.neuralstyle.features.VggLayers;
import dev.neuralstyle.features.VggModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which layers the defaults use with full and partial weights files. */
class LayerFallbackTest {
  /** Parameters for the convolutions up to {@code lastConv} (only {@code has} is asked). */
  private static ConvParameters upTo(VggModel model, String lastConv) {
    Set<String> held =
        VggLayers.convsNeededFor(model, lastConv).stream().collect(Collectors.toSet());
    return new ConvParameters() {
      @Override
      public boolean has(String conv) {
        return held.contains(conv);
      }

      @Override
      public float[] weight(String conv) {
        throw new UnsupportedOperationException();
      }

      @Override
      public float[] bias(String conv) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void full_networks_keep_the_papers_layers() {
    for (VggModel model : VggModel.values()) {
      LayerFallback f = LayerFallback.forWeights(model, upTo(model, "conv5_1"));
      assertFalse(f.fellBack());
      assertNull(f.note());
      assertEquals(List.of("relu4_2"), f.contentLayers());
      assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), f.styleLayers());
    }
  }

  @Test
  void the_shared_file_to_conv3_4_uses_relu3_2_and_the_relu_1_layers_it_has() {
    LayerFallback f = LayerFallback.forWeights(VggModel.VGG19, upTo(VggModel.VGG19, "conv3_4"));
    assertTrue(f.fellBack());
    assertEquals(List.of("relu3_2"), f.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1", "relu3_1"), f.styleLayers());
    assertEquals(
        "the weights lack layers of the defaults (content relu4_2, style"
            + " relu1_1,relu2_1,relu3_1,relu4_1,relu5_1): using content relu3_2 and style"
            + " relu1_1,relu2_1,relu3_1, the deepest they have",
        f.note());
  }

  @Test
  void content_is_never_deeper_than_relu4_2_and_shallow_files_go_shallower() {
    LayerFallback to44 = LayerFallback.forWeights(VggModel.VGG19, upTo(VggModel.VGG19, "conv4_4"));
    assertEquals(List.of("relu4_2"), to44.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1"), to44.styleLayers());
    LayerFallback to21 = LayerFallback.forWeights(VggModel.VGG19, upTo(VggModel.VGG19, "conv2_1"));
    assertEquals(List.of("relu1_2"), to21.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1"), to21.styleLayers());
    LayerFallback to11 = LayerFallback.forWeights(VggModel.VGG19, upTo(VggModel.VGG19, "conv1_1"));
    assertEquals(List.of("relu1_1"), to11.contentLayers());
    assertEquals(List.of("relu1_1"), to11.styleLayers());
  }

  @Test
  void weights_without_conv1_1_are_refused() {
    ConvParameters none = upTo(VggModel.VGG19, "conv1_1");
    ConvParameters empty =
        new ConvParameters() {
          @Override
          public boolean has(String conv) {
            return false;
          }

          @Override
          public float[] weight(String conv) {
            return none.weight(conv);
          }

          @Override
          public float[] bias(String conv) {
            return none.bias(conv);
          }
        };
    NstException e =
        assertThrows(NstException.class, () -> LayerFallback.forWeights(VggModel.VGG19, empty));
    assertTrue(e.getMessage().contains("no conv1_1"), e.getMessage());
  }
}

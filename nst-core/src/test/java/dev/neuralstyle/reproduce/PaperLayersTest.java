package dev.neuralstyle.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which paper layers weights allow, and how labels are written. */
class PaperLayersTest {
  private static final VggModel VGG19 = VggModel.VGG19;

  @Test
  void full_weights_give_the_papers_layers_and_no_omission_note() {
    SeededVggWeights full = new SeededVggWeights(VGG19, "conv5_1", 1);
    assertEquals(PaperLayers.STYLE, PaperLayers.available(VGG19, full, PaperLayers.STYLE));
    assertEquals("relu4_2", PaperLayers.contentLayer(VGG19, full));
    assertNull(PaperLayers.omissionNote(VGG19, full, List.of()));
    assertEquals(PaperLayers.TEXTURE, PaperLayers.available(VGG19, full, PaperLayers.TEXTURE));
  }

  @Test
  void partial_weights_fall_back_to_the_transfers_default_layer() {
    SeededVggWeights partial = new SeededVggWeights(VGG19, "conv3_4", 1);
    assertEquals("relu3_2", PaperLayers.contentLayer(VGG19, partial));
    List<String> omitted = PaperLayers.omitted(VGG19, partial, PaperLayers.STYLE);
    assertEquals(
        "conv4_1, conv5_1 omitted: the weights file stops at conv3_4",
        PaperLayers.omissionNote(VGG19, partial, omitted));
    assertEquals(
        List.of("relu1_1", "pool1", "pool2", "pool3"),
        PaperLayers.available(VGG19, partial, PaperLayers.TEXTURE));
  }

  @Test
  void ratios_and_layer_sets_are_written_as_in_the_paper() {
    assertEquals("1e-5", Labels.ratio(1e-5));
    assertEquals("8e-4", Labels.ratio(8e-4));
    assertEquals("2.5e-4", Labels.ratio(2.5e-4));
    assertEquals("1e0", Labels.ratio(1));
    assertEquals("conv1_1 … conv3_1", Labels.layerSet(List.of("relu1_1", "relu2_1", "relu3_1")));
    assertEquals("conv1_1-conv3_1", Labels.layerSetFileName(List.of("relu1_1", "relu3_1")));
  }
}

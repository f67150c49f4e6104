package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.features.SeededVggWeights;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs without a content image (texture synthesis) or without style images, at an exact size. */
class OutputSizeRunTest {
  @TempDir Path dir;

  @Test
  void a_run_without_content_synthesises_a_texture_of_the_requested_size() throws Exception {
    Path style = TestImages.stripes(dir, "style.png", 40, 40, 4);
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(null)
            .styles(List.of(style))
            .size(32)
            .outputSize(36, 20)
            .contentLayers(List.of())
            .styleLayers(List.of("relu1_1", "pool1"))
            .iterations(10)
            .build();
    try (StyleTransfer engine =
        new StyleTransfer(
            new SeededVggWeights(VggModel.VGG19, "conv1_2", 1), Preprocessing.CAFFE)) {
      StyleTransferResult r = engine.run(request, ProgressListener.NONE, () -> false);
      assertEquals(36, r.image().getWidth());
      assertEquals(20, r.image().getHeight());
      assertNull(r.content());
      assertTrue(r.steps().get(r.steps().size() - 1).style() < r.steps().get(0).style());
    }
  }

  @Test
  void a_run_without_style_layers_needs_no_style_image() throws Exception {
    Path content = TestImages.ramp(dir, "content.png", 32, 24);
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(content)
            .styles(List.of())
            .size(32)
            .contentLayers(List.of("relu1_1"))
            .styleLayers(List.of())
            .iterations(5)
            .build();
    try (StyleTransfer engine =
        new StyleTransfer(
            new SeededVggWeights(VggModel.VGG19, "conv1_1", 1), Preprocessing.CAFFE)) {
      StyleTransferResult r = engine.run(request, ProgressListener.NONE, () -> false);
      assertEquals(32, r.image().getWidth());
      assertTrue(r.styles().isEmpty());
    }
  }

  @Test
  void content_is_required_with_content_layers_or_without_an_output_size() {
    StyleTransferRequestBuilder b =
        StyleTransferRequest.builder().styles(List.of(dir.resolve("s.png"))).content(null);
    assertThrows(NstException.class, b::build);
    assertThrows(NstException.class, () -> b.outputSize(32, 32).build());
    b.contentLayers(List.of()).init(InitSpec.of(InitMode.CONTENT));
    assertThrows(NstException.class, b::build);
    assertThrows(
        NstException.class, () -> b.init(InitSpec.of(InitMode.NOISE)).outputSize(0, 9).build());
  }
}

package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.loss.LossForm;
import dev.neuralstyle.loss.TvForm;
import dev.neuralstyle.optimize.OptimizerKind;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.InitMode;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How flags, presets and defaults combine into the request and the output plan. */
class TransferOptionsTest {
  private static final String[] FILES = {"--content", "c.jpg", "--style", "s.jpg"};

  private static TransferOptions parse(String... more) {
    String[] args = new String[FILES.length + more.length];
    System.arraycopy(FILES, 0, args, 0, FILES.length);
    System.arraycopy(more, 0, args, FILES.length, more.length);
    return Cli.transferOptions(args);
  }

  @Test
  void without_flags_the_request_holds_the_library_defaults() {
    TransferOptions o = parse();
    StyleTransferRequest expected =
        StyleTransferRequest.builder()
            .content(Path.of("c.jpg"))
            .styles(List.of(Path.of("s.jpg")))
            .snapshotEvery(o.request().snapshotEvery())
            .build();
    assertEquals(expected, o.request());
    assertFalse(o.modelChosen());
    assertEquals(Path.of("out.png"), o.outputs().image());
  }

  @Test
  void hvass_preset_is_the_notebook_recipe() {
    StyleTransferRequest r = parse("--preset", "hvass").request();
    assertEquals(VggModel.VGG16, r.model());
    assertEquals(PoolingMode.MAX, r.pooling());
    assertEquals(List.of("relu3_1"), r.contentLayers());
    assertEquals(13, r.styleLayers().size());
    assertEquals("relu5_3", r.styleLayers().get(12));
    assertEquals(1.5, r.contentWeight());
    assertEquals(10, r.styleWeight());
    assertEquals(0.3, r.tvWeight());
    assertTrue(r.adaptiveWeights());
    assertEquals(LossForm.MEAN, r.lossForm());
    assertEquals(TvForm.L1, r.tvForm());
    assertEquals(OptimizerKind.GD, r.optimizer());
    assertEquals(10, r.learningRate());
    assertEquals(InitMode.GRAY, r.init().mode());
    assertEquals(300, r.styleSize());
    assertEquals(120, r.iterations());
  }

  @Test
  void gatys_preset_is_the_paper_recipe() {
    TransferOptions o = parse("--preset", "gatys");
    StyleTransferRequest r = o.request();
    assertTrue(o.modelChosen());
    assertEquals(VggModel.VGG19, r.model());
    assertEquals(PoolingMode.AVERAGE, r.pooling());
    assertEquals(List.of("relu4_2"), r.contentLayers());
    assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), r.styleLayers());
    assertEquals(List.of(0.2, 0.2, 0.2, 0.2, 0.2), r.styleLayerWeights());
    assertEquals(LossForm.PAPER, r.lossForm());
    assertEquals(1e-3, r.contentWeight() / r.styleWeight(), 1e-12);
    assertEquals(0, r.tvWeight());
    assertEquals(OptimizerKind.LBFGS, r.optimizer());
    assertEquals(InitMode.NOISE, r.init().mode());
  }

  @Test
  void explicit_flags_override_the_preset() {
    StyleTransferRequest r =
        parse(
                "--preset",
                "hvass",
                "--iterations",
                "60",
                "--no-adaptive-weights",
                "--style-layers",
                "relu1_1,relu2_1",
                "--optimizer",
                "adam")
            .request();
    assertEquals(60, r.iterations());
    assertFalse(r.adaptiveWeights());
    assertEquals(List.of("relu1_1", "relu2_1"), r.styleLayers());
    assertEquals(OptimizerKind.ADAM, r.optimizer());
    assertEquals(VggModel.VGG16, r.model()); // untouched preset value
  }

  @Test
  void extras_are_named_after_the_output_and_can_be_renamed_or_dropped() {
    OutputPlan p =
        parse("--output", "res/a.jpg", "--gif", "anim/x.gif", "--no-loss-plot").outputs();
    assertEquals(Path.of("res/a.jpg"), p.image());
    assertEquals(Path.of("res/a-panel.png"), p.panel());
    assertEquals(Path.of("anim/x.gif"), p.gif());
    assertNull(p.lossPlot());
    assertEquals(Path.of("res/a.json"), p.record());
    assertEquals(Path.of("res/a-0100.jpg"), p.snapshot(100, 500));
    assertEquals(Path.of("res/a-00100.jpg"), p.snapshot(100, 20000));

    OutputPlan none = parse("--no-extras").outputs();
    assertEquals(List.of(Path.of("out.png")), none.paths());
  }

  @Test
  void snapshot_period_serves_both_the_gif_and_save_every() {
    // One stage of 500 iterations / 40 frames -> a frame every 13; with --save-every 100: gcd = 1.
    assertEquals(13, parse("--scales", "512", "--iterations", "500").request().snapshotEvery());
    assertEquals(
        10,
        parse("--scales", "512", "--iterations", "500", "--gif-frames", "50", "--save-every", "100")
            .request()
            .snapshotEvery());
    assertEquals(100, parse("--no-gif", "--save-every", "100").request().snapshotEvery());
    assertEquals(0, parse("--no-extras").request().snapshotEvery());
    // The default 512 px runs 200 at 256 px, then 80 at 512 px: 280 / 40 -> every 7 (the default
    // budget went from 500 to 150 with the normalized recipe and to 200 with photo, QUALITY.md).
    assertEquals(7, parse().request().snapshotEvery());
  }

  @Test
  void contradicting_output_flags_are_rejected() {
    NstException e =
        assertThrows(NstException.class, () -> parse("--panel", "p.png", "--no-panel"));
    assertEquals("invalid options: --panel and --no-panel contradict each other", e.getMessage());
    assertThrows(NstException.class, () -> parse("--gif", "x.png"));
    assertThrows(NstException.class, () -> parse("--panel", "out.png"));
    assertThrows(NstException.class, () -> parse("--gif-frames", "0"));
  }

  @Test
  void defaults_shown_in_help_are_the_library_defaults() {
    var d = new DefaultValues().all();
    assertEquals(String.valueOf(Defaults.ITERATIONS), d.get("--iterations"));
    assertEquals(String.join(",", Defaults.STYLE_LAYERS), d.get("--style-layers"));
    assertEquals(Defaults.INIT.describe(), d.get("--init"));
  }
}

package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.optimize.OptimizerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The memory plan of a print-size stage: tiles first, then a shorter history, then Adam. */
class TilePlanTest {
  private static final String DEEPEST = "relu3_2";

  private static StyleTransferRequest request() {
    return StyleTransferRequest.builder()
        .content(Path.of("c.png"))
        .styles(List.of(Path.of("s.png")))
        .contentLayers(List.of("relu3_2"))
        .styleLayers(List.of("relu1_1", "relu2_1", "relu3_1"))
        .build();
  }

  @Test
  void a_print_size_stage_keeps_its_history_when_the_memory_allows() {
    StyleTransferRequest r = request();
    TilePlan p = TilePlan.choose(r, DEEPEST, 4096, 3072, OptionalLong.of(40L << 30));
    assertEquals(OptimizerKind.LBFGS, p.optimizer());
    assertEquals(r.lbfgsHistory(), p.history());
    assertTrue(p.tiled() && p.tile() >= 512, p::describe);
    assertTrue(!p.changesOptimizer(r));
  }

  @Test
  void the_history_shrinks_to_fit_before_tiles_get_inefficient() {
    StyleTransferRequest r = request();
    long six = 6L << 30;
    TilePlan p = TilePlan.choose(r, DEEPEST, 4096, 3072, OptionalLong.of(six));
    assertEquals(OptimizerKind.LBFGS, p.optimizer(), p::describe);
    assertTrue(p.history() < r.lbfgsHistory() && p.history() >= TilePlan.MIN_HISTORY, p::describe);
    assertTrue(p.tile() >= 512, p::describe);
    assertTrue(p.estimateBytes() <= six, p::describe);
    assertTrue(p.changesOptimizer(r));
    assertTrue(p.describe().contains("L-BFGS history " + p.history()), p::describe);
    // The longest history that fits: one pair more does not.
    long longer =
        MemoryEstimate.tiledBytes(
            r.model(),
            r.contentLayers(),
            DEEPEST,
            4096,
            3072,
            p.tile() + 2 * p.halo(),
            p.tile() + 2 * p.halo(),
            OptimizerKind.LBFGS,
            p.history() + 1);
    assertTrue(longer > six, "history " + (p.history() + 1) + " would fit too");
  }

  @Test
  void adam_takes_over_when_no_history_fits() {
    StyleTransferRequest r = request();
    long adamOnly =
        MemoryEstimate.tiledBytes(
            r.model(), r.contentLayers(), DEEPEST, 4096, 3072, 552, 552, OptimizerKind.ADAM, 0);
    TilePlan p = TilePlan.choose(r, DEEPEST, 4096, 3072, OptionalLong.of(adamOnly));
    assertEquals(OptimizerKind.ADAM, p.optimizer(), p::describe);
    assertTrue(p.estimateBytes() <= adamOnly);
    assertEquals("memory", p.reason());
  }

  @Test
  void a_run_that_cannot_fit_even_so_is_planned_over_the_limit_and_refused() {
    StyleTransferRequest r = request();
    TilePlan p = TilePlan.choose(r, DEEPEST, 16384, 12288, OptionalLong.of(2L << 30));
    assertTrue(p.estimateBytes() > 2L << 30, p::describe);
    assertEquals(r.lbfgsHistory(), p.history(), "refused with the request's own settings");
  }

  @Test
  void small_stages_stay_whole_with_the_requested_optimizer() {
    StyleTransferRequest r = request();
    TilePlan p = TilePlan.choose(r, DEEPEST, 512, 384, OptionalLong.of(6L << 30));
    assertTrue(!p.tiled() && !p.changesOptimizer(r), p::describe);
    assertEquals("fits", p.reason());
  }

  @Test
  void an_explicit_tile_keeps_its_size_and_shortens_the_history() {
    StyleTransferRequest r = request().toBuilder().tile(768).build();
    TilePlan p = TilePlan.choose(r, DEEPEST, 4096, 3072, OptionalLong.of(6L << 30));
    assertEquals(768, p.tile());
    assertEquals("--tile, memory", p.reason());
    assertTrue(p.history() < r.lbfgsHistory(), p::describe);
  }

  @Test
  void the_memory_limit_variable_reads_sizes_and_names_itself_when_wrong() {
    assertEquals(6L << 30, MemoryEstimate.parseLimit("6G").getAsLong());
    assertEquals(512L << 20, MemoryEstimate.parseLimit("512m").getAsLong());
    assertEquals(1000, MemoryEstimate.parseLimit("1000").getAsLong());
    assertTrue(MemoryEstimate.parseLimit(null).isEmpty());
    NstException e = assertThrows(NstException.class, () -> MemoryEstimate.parseLimit("lots"));
    assertTrue(e.getMessage().contains(MemoryEstimate.LIMIT_VARIABLE), e.getMessage());
    assertThrows(NstException.class, () -> MemoryEstimate.parseLimit("-1G"));
  }
}

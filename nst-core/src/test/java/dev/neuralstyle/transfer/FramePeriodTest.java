package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One formula for how often a run snapshots to give its GIF's frames (CLI, batch and web). */
class FramePeriodTest {
  private static StyleTransferRequestBuilder request() {
    return StyleTransferRequest.builder()
        .content(Path.of("c.png"))
        .styles(List.of(Path.of("s.png")));
  }

  @Test
  void frames_spread_over_every_stage_budget_rounded_up() {
    StyleTransferRequest twoStages =
        request().size(512).scales(List.of(256, 512)).iterations(500).build();
    assertEquals(List.of(500, 200), twoStages.stageIterations());
    assertEquals(700, twoStages.totalIterations());
    assertEquals(18, twoStages.framePeriod(Defaults.GIF_FRAMES)); // ceil(700 / 40)
    StyleTransferRequest short1 = request().size(64).scales(List.of(64)).iterations(10).build();
    assertEquals(1, short1.framePeriod(Defaults.GIF_FRAMES));
  }
}

package dev.neuralstyle.output.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.PoolingMode;
import dev.neuralstyle.progress.StopReason;
import dev.neuralstyle.transfer.Settings;
import dev.neuralstyle.transfer.StyleTransferRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run records write each value by its one wire name; the old spellings still read. */
class WireNamesTest {
  @Test
  void the_record_writes_pooling_by_the_schema_wire_name_and_reads_the_old_spelling() {
    StyleTransferRequest r =
        StyleTransferRequest.builder()
            .content(Path.of("c.png"))
            .styles(List.of(Path.of("s.png")))
            .pooling(PoolingMode.AVERAGE)
            .build();
    assertEquals("avg", RunRecordWriter.requestFields(r).get("pooling"));
    assertEquals("avg", Settings.POOLING.defaultText());
    assertEquals(PoolingMode.AVERAGE, Settings.POOLING.type().parse().apply("average"));
  }

  @Test
  void every_stop_reason_has_one_wire_name_that_parses_back() {
    for (StopReason s : StopReason.values()) {
      assertEquals(s, StopReason.parse(s.wireName()));
    }
    assertEquals(
        List.of("budget", "converged", "tolerance", "cancelled"),
        List.of(StopReason.values()).stream().map(StopReason::wireName).toList());
    assertThrows(NstException.class, () -> StopReason.parse("done"));
  }
}

package dev.neuralstyle.transfer;

import static dev.neuralstyle.CliSpelling.cli;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.features.VggModel;
import dev.neuralstyle.optimize.OptimizerKind;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
  @Test
  void estimate_covers_the_measured_2048_px_stage_without_being_wildly_high() {
    long bytes =
        MemoryEstimate.bytes(VggModel.VGG19, "relu3_1", 2048, 1536, OptimizerKind.LBFGS, 1);
    // Measured peak RSS: 10.0 GB.
    assertTrue(bytes > 10.0e9 && bytes < 14e9, "estimate " + bytes / 1e9 + " GB");
  }

  @Test
  void an_image_that_cannot_fit_fails_with_a_clear_message() {
    NstException e =
        assertThrows(
            NstException.class,
            () ->
                MemoryEstimate.check(
                    VggModel.VGG19, "relu5_1", 16384, 16384, OptimizerKind.LBFGS, 50));
    assertTrue(cli(e).contains("16384x16384"), cli(e));
    assertTrue(cli(e).contains("smaller --size"), cli(e));
  }
}

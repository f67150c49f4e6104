package dev.neuralstyle.weights.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Half-precision decoding (what f16 tensors are widened with). */
class DTypeTest {
  @Test
  void half_decoding_covers_special_values() {
    assertEquals(1f, DType.halfToFloat((short) 0x3C00));
    assertEquals(-2f, DType.halfToFloat((short) 0xC000));
    assertEquals(65504f, DType.halfToFloat((short) 0x7BFF));
    assertEquals(0x1p-24f, DType.halfToFloat((short) 0x0001));
    assertEquals(Float.NEGATIVE_INFINITY, DType.halfToFloat((short) 0xFC00));
    assertTrue(Float.isNaN(DType.halfToFloat((short) 0x7E00)));
  }
}

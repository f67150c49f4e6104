package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Formats are recognised from their first bytes only. */
class WeightFormatTest {
  @Test
  void each_magic_is_recognised() {
    assertEquals(WeightFormat.TORCH_ZIP, WeightFormat.detect(bytes(0x50, 0x4B, 0x03, 0x04, 0)));
    assertEquals(
        WeightFormat.TORCH_LEGACY,
        WeightFormat.detect(
            bytes(
                0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19,
                0x2E, 0x80)));
    assertEquals(
        WeightFormat.KERAS_H5,
        WeightFormat.detect(bytes(0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A)));
    byte[] userBlock = new byte[600];
    System.arraycopy(bytes(0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A), 0, userBlock, 512, 8);
    assertEquals(WeightFormat.KERAS_H5, WeightFormat.detect(userBlock));
    byte[] tar = new byte[512];
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
    assertEquals(WeightFormat.TORCH_TAR, WeightFormat.detect(tar));
    assertEquals(
        WeightFormat.SAFETENSORS, WeightFormat.detect(bytes(8, 0, 0, 0, 0, 0, 0, 0, '{', '}')));
  }

  @Test
  void other_bytes_are_not_recognised() {
    assertNull(WeightFormat.detect(new byte[0]));
    assertNull(WeightFormat.detect("PK but not zip".getBytes(StandardCharsets.US_ASCII)));
    assertNull(WeightFormat.detect(bytes(0x80, 0x02, 0x7D, 0x2E)));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}

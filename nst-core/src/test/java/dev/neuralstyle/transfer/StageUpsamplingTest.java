package dev.neuralstyle.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The coarse-to-fine hand-over with the photo's detail band. */
class StageUpsamplingTest {
  private static float[] photo(int w, int h) {
    Random random = new Random(7);
    float[] rgb = new float[3 * w * h];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = random.nextFloat(); // all detail: white noise
    }
    return rgb;
  }

  @Test
  void a_coarse_result_equal_to_the_coarse_photo_hands_over_the_photo_itself() {
    int w = 37;
    int h = 23;
    float[] photo = photo(2 * w, 2 * h);
    float[] coarse = StageUpsampling.resize(photo, 2 * w, 2 * h, w, h);
    float[] handed = StageUpsampling.resizeWithDetail(coarse, w, h, photo, 2 * w, 2 * h);
    assertArrayEquals(photo, handed, 1e-5f);
    // Upsampling alone loses the detail band: far from the photo.
    float[] plain = StageUpsampling.resize(coarse, w, h, 2 * w, 2 * h);
    double error = 0;
    for (int i = 0; i < photo.length; i++) {
      error = Math.max(error, Math.abs(plain[i] - photo[i]));
    }
    assertTrue(error > 0.3, "plain upsampling should lose white noise's detail: " + error);
  }

  @Test
  void a_flat_photo_adds_nothing() {
    int w = 20;
    int h = 15;
    float[] flat = new float[3 * 40 * 30];
    java.util.Arrays.fill(flat, 0.4f);
    float[] coarse = photo(w, h);
    assertArrayEquals(
        StageUpsampling.resize(coarse, w, h, 40, 30),
        StageUpsampling.resizeWithDetail(coarse, w, h, flat, 40, 30),
        1e-6f);
  }
}

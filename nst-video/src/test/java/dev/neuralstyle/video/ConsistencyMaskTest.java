package dev.neuralstyle.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.image.RgbPixels;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyMaskTest {
  @Test
  void exact_opposite_flows_are_consistent_except_where_content_entered() {
    int w = 40;
    int h = 32;
    float[] mask =
        ConsistencyMask.compute(FlowField.uniform(w, h, 3, 0), FlowField.uniform(w, h, -3, 0));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean rim = y == 0 || y == h - 1 || x == w - 1;
        assertEquals(x >= 3 && !rim ? 1f : 0f, mask[y * w + x], "x=" + x + " y=" + y);
      }
    }
  }

  @Test
  void the_rim_gets_weight_zero_even_where_the_flows_agree() {
    int w = 12;
    int h = 10;
    int b = ConsistencyMask.BORDER;
    float[] mask =
        ConsistencyMask.compute(FlowField.uniform(w, h, 0, 0), FlowField.uniform(w, h, 0, 0));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean rim = x < b || y < b || x >= w - b || y >= h - b;
        assertEquals(rim ? 0f : 1f, mask[y * w + x], "x=" + x + " y=" + y);
      }
    }
  }

  @Test
  void the_start_image_takes_its_rim_from_the_content_frame_and_the_rest_from_the_warp() {
    int w = 12;
    int h = 10;
    int b = ConsistencyMask.BORDER;
    RgbPixels content = RgbPixels.of(Pan.frames(w, h, 1, 0, 5).get(0));
    RgbPixels previous = RgbPixels.of(Pan.frames(w, h, 1, 0, 6).get(0));
    float[] before = previous.g().clone();
    // A pan by 1.5 px: the clamped warp repeats the previous result's edge pixels on the rim.
    RgbPixels warped = Warp.image(previous, FlowField.uniform(w, h, -1.5f, 0.5f));
    RgbPixels start = Warp.startImage(warped, content);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        boolean rim = x < b || y < b || x >= w - b || y >= h - b;
        float[][] want =
            rim
                ? new float[][] {content.r(), content.g(), content.b()}
                : new float[][] {warped.r(), warped.g(), warped.b()};
        assertEquals(want[0][i], start.r()[i], 0, "r at x=" + x + " y=" + y);
        assertEquals(want[1][i], start.g()[i], 0, "g at x=" + x + " y=" + y);
        assertEquals(want[2][i], start.b()[i], 0, "b at x=" + x + " y=" + y);
      }
    }
    assertArrayEquals(before, previous.g(), "input unchanged");
  }

  @Test
  void flows_that_disagree_mark_occlusion() {
    float[] mask =
        ConsistencyMask.compute(FlowField.uniform(32, 32, 3, 0), FlowField.uniform(32, 32, -1, 0));
    for (float m : mask) {
      assertEquals(0f, m); // |w~ + w^|^2 = 4 > 0.01 * 10 + 0.5
    }
  }

  @Test
  void a_flow_edge_is_a_motion_boundary() {
    int w = 32;
    int h = 32;
    FlowField back = FlowField.uniform(w, h, 0, 0);
    FlowField fwd = FlowField.uniform(w, h, 0, 0);
    for (int y = 0; y < h; y++) {
      for (int x = 16; x < w; x++) {
        back.dx()[y * w + x] = 0.5f; // a step in the flow at x = 16
        fwd.dx()[y * w + x] = -0.5f;
      }
    }
    float[] mask = ConsistencyMask.compute(fwd, back);
    assertEquals(0f, mask[10 * w + 15]);
    assertEquals(0f, mask[10 * w + 16]);
    assertEquals(1f, mask[10 * w + 8]);
    assertEquals(1f, mask[10 * w + 24]);
  }

  @Test
  void long_term_weights_use_each_pixel_once_from_the_nearest_frame() {
    float[][] c = {{1, 0, 0, 1}, {1, 1, 0, 0}, {1, 1, 1, 0}};
    float[][] longTerm = ConsistencyMask.longTerm(c);
    assertArrayEquals(new float[] {1, 0, 0, 1}, longTerm[0]);
    assertArrayEquals(new float[] {0, 1, 0, 0}, longTerm[1]);
    assertArrayEquals(new float[] {0, 0, 1, 0}, longTerm[2]);
    assertArrayEquals(new float[] {1, 0, 0, 1}, c[0], "input unchanged");
  }

  @Test
  void measured_flow_of_a_known_pan_gives_mask_one_inside_and_zero_at_the_new_border() {
    int shift = 3;
    List<BufferedImage> frames = Pan.frames(48, 36, 2, shift, 7);
    for (FlowMethod method : FlowMethod.values()) {
      try (OpticalFlow flow = new OpticalFlow(method)) {
        FlowField fwd = flow.compute(frames.get(0), frames.get(1));
        FlowField back = flow.compute(frames.get(1), frames.get(0));
        float[] mask = ConsistencyMask.compute(fwd, back);
        int w = 48;
        double inside = 0;
        int n = 0;
        for (int y = 4; y < 32; y++) {
          for (int x = 8; x < 44; x++) {
            inside += mask[y * w + x];
            n++;
            assertEquals(shift, fwd.dx()[y * w + x], 0.5, method + " forward flow at " + x);
            assertEquals(-shift, back.dx()[y * w + x], 0.5, method + " backward flow at " + x);
          }
        }
        assertTrue(inside / n > 0.95, method + ": mask mean inside " + inside / n);
        for (int y = 0; y < 36; y++) {
          for (int x = 0; x < 2; x++) {
            assertEquals(0f, mask[y * w + x], method + ": disoccluded column " + x);
          }
        }
      }
    }
  }

  @Test
  void warping_by_an_integer_flow_moves_the_pixels() {
    List<BufferedImage> frames = Pan.frames(20, 10, 2, 2, 3);
    RgbPixels previous = RgbPixels.of(frames.get(0));
    RgbPixels warped = Warp.image(previous, FlowField.uniform(20, 10, -2, 0));
    RgbPixels current = RgbPixels.of(frames.get(1));
    for (int y = 0; y < 10; y++) {
      for (int x = 2; x < 20; x++) {
        assertEquals(current.g()[y * 20 + x], warped.g()[y * 20 + x], 1e-6);
      }
    }
  }
}

package dev.neuralstyle.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Spatial slices of (N, C, H, W) arrays whose ranges may run past the end and wrap around. */
final class WrappedSlices {
  private WrappedSlices() {}

  /**
   * Rows {@code y .. y+height} and columns {@code x .. x+width} of {@code map}, read modulo its
   * height and width (a range that passes the end continues at the start).
   */
  static NDArray slice(NDArray map, int y, int height, int x, int width) {
    int h = (int) map.getShape().get(2);
    int w = (int) map.getShape().get(3);
    return along(along(map, 2, Math.floorMod(y, h), height, h), 3, Math.floorMod(x, w), width, w);
  }

  private static NDArray along(NDArray a, int axis, int start, int length, int size) {
    if (start == 0 && length == size) {
      return a;
    }
    NDList parts = new NDList();
    int done = 0;
    int at = start;
    while (done < length) {
      int n = Math.min(length - done, size - at);
      parts.add(
          axis == 2 ? a.get(":, :, {}:{}, :", at, at + n) : a.get(":, :, :, {}:{}", at, at + n));
      done += n;
      at = 0;
    }
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, axis);
  }
}

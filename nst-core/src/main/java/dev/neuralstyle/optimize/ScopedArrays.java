package dev.neuralstyle.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/** Moves arrays that must outlive an optimiser step out of the step's scope. */
final class ScopedArrays {
  private ScopedArrays() {}

  /**
   * Removes {@code array} from the innermost {@link NDScope} and attaches it to {@code owner}, so
   * it survives the step that created it.
   */
  static NDArray keep(NDArray array, NDManager owner) {
    NDScope.unregister(array);
    array.attach(owner);
    return array;
  }
}

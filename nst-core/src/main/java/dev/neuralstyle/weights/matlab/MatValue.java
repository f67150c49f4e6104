package dev.neuralstyle.weights.matlab;

import java.util.List;
import java.util.Map;

/** The MATLAB values {@link MatParser} builds: cells, structs, text and numeric arrays. */
sealed interface MatValue {
  /** A cell array, elements in column-major order. */
  record Cell(int[] dims, List<MatValue> items) implements MatValue {}

  /** A struct array; one field map per element (column-major), fields in file order. */
  record Struct(int[] dims, List<Map<String, MatValue>> elements) implements MatValue {}

  /** A char array as text. */
  record Text(String text) implements MatValue {}

  /**
   * A numeric array: its MATLAB class, dims, and its values as floats in column-major order, or
   * {@code null} when the array was too large to keep (fully connected layers) and was skipped.
   */
  record Numeric(int classId, int[] dims, float[] values) implements MatValue {}

  /** Anything else (empty, sparse, objects, logical, function handles), skipped. */
  record Other(String what) implements MatValue {}
}

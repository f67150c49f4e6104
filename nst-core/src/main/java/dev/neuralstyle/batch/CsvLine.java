package dev.neuralstyle.batch;

import dev.neuralstyle.NstException;
import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote). */
final class CsvLine {
  private CsvLine() {}

  /**
   * The line's fields.
   *
   * @param where prefix for messages, naming the file and line
   * @throws NstException for an unterminated quote
   */
  static List<String> split(String line, String where) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new NstException(where + "unterminated quote");
    }
    cells.add(cell.toString());
    return cells;
  }
}

package dev.neuralstyle.weights.hdf5;

import dev.neuralstyle.NstException;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside an HDF5 file one name at a time, instead of through jHDF's recursive
 * {@code getByPath}: a soft link is followed iteratively, at most {@value #MAX_LINKS} times per
 * lookup (a link loop is an error, not a stack overflow), and an external link is refused, because
 * only this file is hashed and verified (and the other file could be anything, even a FIFO).
 */
final class H5Paths {
  static final int MAX_LINKS = 32;

  private H5Paths() {}

  /**
   * The node at {@code path} (absolute, or relative to {@code start}), or {@code null} if a name on
   * the way does not exist or is not a group.
   *
   * @throws NstException for an external link, or more than {@value #MAX_LINKS} soft links
   */
  static Node resolve(Path file, Group start, String path) {
    Deque<String> names = new ArrayDeque<>();
    push(names, path);
    Group at = path.startsWith("/") ? start.getHdfFile() : start;
    int links = 0;
    Node node = at;
    while (!names.isEmpty()) {
      String name = names.pop();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (!(node instanceof Group g)) {
        return null;
      }
      at = g;
      node = g.getChildren().get(name);
      if (node == null) {
        return null;
      }
      if (node instanceof ExternalLink) {
        throw new NstException(
            "HDF5 file "
                + file
                + ": "
                + node.getPath()
                + " is an external link to another file (refused: only this file is verified)");
      }
      if (node instanceof Link link) {
        if (++links > MAX_LINKS) {
          throw new NstException(
              "HDF5 file "
                  + file
                  + ": following "
                  + path
                  + " takes more than "
                  + MAX_LINKS
                  + " soft links (a link loop?)");
        }
        String target = link.getTargetPath();
        push(names, target);
        node = target.startsWith("/") ? at.getHdfFile() : at;
      }
    }
    return node;
  }

  /** Pushes the names of {@code path} so that its first name is popped first. */
  private static void push(Deque<String> names, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      names.push(parts[i]);
    }
  }
}

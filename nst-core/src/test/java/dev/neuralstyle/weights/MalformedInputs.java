package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.neuralstyle.NstException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Damages a good weights file (truncation at many lengths, single bit flips, random byte runs) and
 * checks that every damaged copy either loads or fails with one {@link NstException} line naming
 * the file; never another exception, a stack overflow or an out-of-memory error.
 */
final class MalformedInputs {
  private MalformedInputs() {}

  /** Loading {@code file} fails with a one-line message naming it and containing {@code text}. */
  static String assertRefused(Path file, String text) {
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(file, null, null));
    assertOneLine(file, e);
    assertTrue(e.getMessage().contains(text), e.getMessage());
    return e.getMessage();
  }

  /** Truncates {@code good} at {@code cuts} lengths spread over the file; each must be refused. */
  static void truncations(Path good, Path dir, int cuts) throws IOException {
    byte[] all = Files.readAllBytes(good);
    for (int c = 0; c < cuts; c++) {
      int length = (int) ((long) all.length * c / cuts);
      Path f =
          Files.write(
              dir.resolve("cut" + length + "-" + good.getFileName()), Arrays.copyOf(all, length));
      NstException e =
          assertThrows(
              NstException.class, () -> WeightsLoader.load(f, null, null), "cut at " + length);
      assertOneLine(f, e);
    }
  }

  /** Flips {@code flips} single bits (seeded) and overwrites a few runs with random bytes. */
  static void damage(Path good, Path dir, int flips, long seed) throws IOException {
    byte[] all = Files.readAllBytes(good);
    Random r = new Random(seed);
    Path f = dir.resolve("damaged-" + good.getFileName());
    for (int k = 0; k < flips; k++) {
      byte[] copy = all.clone();
      if (k % 4 == 3) {
        int at = r.nextInt(copy.length);
        for (int j = at; j < Math.min(copy.length, at + 16); j++) {
          copy[j] = (byte) r.nextInt(256);
        }
      } else {
        int at = r.nextInt(Math.min(copy.length, 4096));
        copy[at] ^= (byte) (1 << r.nextInt(8));
      }
      Files.write(f, copy);
      try {
        WeightsLoader.load(f, null, null);
      } catch (NstException e) {
        assertOneLine(f, e);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("damage " + k + " of " + good.getFileName() + " threw " + e, e);
      }
    }
  }

  private static void assertOneLine(Path file, NstException e) {
    String m = e.getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.contains(file.toString()), m);
  }
}

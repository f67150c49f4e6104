package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.RunFinished;
import dev.neuralstyle.progress.RunStarted;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private static StepCompleted step(int i, int n, double seconds) {
    return new StepCompleted(i, n, new LossBreakdown(1.2e4, 3.4e2, 5.6e3, 17940), seconds, null);
  }

  @Test
  void bar_shows_iteration_eta_and_losses() {
    assertEquals(
        "[=======>                      ] 120/500  ETA 1m12s  content 1.20e+04 + style 3.40e+02 +"
            + " tv 5.60e+03 = total 1.794e+04",
        ProgressPrinter.bar(step(120, 500, 120 * 72.0 / 380)));
    assertTrue(ProgressPrinter.bar(step(500, 500, 10)).startsWith("[" + "=".repeat(30) + "] "));
  }

  @Test
  void terminal_output_redraws_one_line_with_carriage_returns() {
    StringWriter s = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(s), true, false);
    p.onEvent(new RunStarted(3, 64, 48, 0.5));
    p.onEvent(step(1, 3, 0.1));
    p.onEvent(step(3, 3, 0.3));
    p.onEvent(new RunFinished(3, 0.3, StopReason.BUDGET));
    String text = s.toString();
    assertTrue(text.contains("\r[" + "=".repeat(10) + ">"), text);
    assertTrue(text.contains("\r[" + "=".repeat(30) + "] 3/3"), text);
    assertTrue(text.endsWith("done: 3 iterations in 0s (budget)" + System.lineSeparator()), text);
  }

  @Test
  void plain_output_prints_about_twenty_lines_and_quiet_prints_nothing() {
    StringWriter s = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(s), false, false);
    for (int i = 1; i <= 500; i++) {
      p.onEvent(step(i, 500, i * 0.01));
    }
    long lines = s.toString().lines().count();
    assertEquals(20, lines, s.toString());
    assertTrue(s.toString().lines().allMatch(l -> l.startsWith("iteration ")));

    StringWriter q = new StringWriter();
    ProgressPrinter quiet = new ProgressPrinter(new PrintWriter(q), false, true);
    quiet.onEvent(new RunStarted(3, 64, 48, 0.5));
    quiet.onEvent(step(3, 3, 0.3));
    assertEquals("", q.toString());
  }

  @Test
  void durations_read_like_a_clock() {
    assertEquals("9s", ProgressPrinter.duration(9.4));
    assertEquals("1m12s", ProgressPrinter.duration(72));
    assertEquals("2h03m", ProgressPrinter.duration(2 * 3600 + 3 * 60 + 5));
  }
}

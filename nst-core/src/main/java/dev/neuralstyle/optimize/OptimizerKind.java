package dev.neuralstyle.optimize;

import java.util.Locale;

/** The optimisers a style transfer can use. */
public enum OptimizerKind {
  /** L-BFGS with a strong-Wolfe line search (the paper's choice; the default). */
  LBFGS,
  /** Adam. */
  ADAM,
  /** The Hvass notebook's gradient descent with a step normalised by the gradient's std. */
  GD;

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code lbfgs}, {@code adam} or {@code gd} (any case). */
  public static OptimizerKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
    for (OptimizerKind k : values()) {
      if (k.cliName().equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown optimizer '" + text + "': expected lbfgs, adam or gd");
  }
}

package dev.neuralstyle.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C during a run into a graceful stop: a shutdown hook raises the cancel flag that the
 * run polls between iterations, then waits (at most {@value #GRACE_SECONDS} s) until the current
 * image and the extras are written. Files are written atomically, so a harder kill still leaves no
 * half-written file.
 */
final class CtrlC implements BooleanSupplier, AutoCloseable {
  private static final long GRACE_SECONDS = 30;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stop, "neural-style-ctrl-c");
  private volatile boolean cancelled;

  CtrlC() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public boolean getAsBoolean() {
    return cancelled;
  }

  private void stop() {
    cancelled = true;
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run is over and its files are written: let the JVM exit. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook is running and has just been released
    }
  }
}

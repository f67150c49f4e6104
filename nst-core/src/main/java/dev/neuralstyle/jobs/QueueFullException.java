package dev.neuralstyle.jobs;

import dev.neuralstyle.NstException;

/** The queue already holds as many waiting jobs as it may; the client should try again later. */
public final class QueueFullException extends NstException {
  private static final long serialVersionUID = 1L;

  /** The queue holds {@code capacity} waiting jobs. */
  public QueueFullException(int capacity) {
    super("the queue is full (" + capacity + " jobs waiting); try again when one has finished");
  }
}

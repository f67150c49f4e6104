package dev.neuralstyle.video;

/** Receives {@link VideoEvent}s on the run's thread; must return quickly. */
@FunctionalInterface
public interface VideoListener {
  /** Handles one event. */
  void onEvent(VideoEvent event);
}

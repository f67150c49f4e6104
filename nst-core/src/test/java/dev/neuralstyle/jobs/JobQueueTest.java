package dev.neuralstyle.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.loss.LossBreakdown;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue's states, positions, capacity, cancellation and restart, with a fake runner. */
class JobQueueTest {
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Steps until released or cancelled, reporting one step per poll. */
  private StopReason blockingRun(
      Job job,
      dev.neuralstyle.progress.ProgressListener l,
      java.util.function.BooleanSupplier cancelled)
      throws InterruptedException {
    started.countDown();
    int i = 0;
    while (!release.await(5, TimeUnit.MILLISECONDS)) {
      if (cancelled.getAsBoolean()) {
        return StopReason.CANCELLED;
      }
      i++;
      l.onEvent(new StepCompleted(i, 1000, new LossBreakdown(1, 2, 3, 6), 0.01 * i, null));
    }
    if ("fail".equals(job.settings().get("mode"))) {
      throw new NstException("bad input");
    }
    return StopReason.BUDGET;
  }

  private JobQueue queue(int capacity) {
    return new JobQueue(store, this::blockingRun, capacity, Clock.systemUTC());
  }

  @Test
  void queued_jobs_know_their_position_and_a_full_queue_refuses() throws Exception {
    try (JobQueue q = queue(2)) {
      q.start();
      JobId a = q.submit(JobId.random(), Map.of()).id();
      assertTrue(started.await(5, TimeUnit.SECONDS));
      JobId b = q.submit(JobId.random(), Map.of()).id();
      JobId c = q.submit(JobId.random(), Map.of()).id();
      assertEquals(JobState.RUNNING, q.get(a).orElseThrow().state());
      assertEquals(0, q.position(a));
      assertEquals(1, q.position(b));
      assertEquals(2, q.position(c));
      assertThrows(QueueFullException.class, () -> q.submit(JobId.random(), Map.of()));
      assertEquals(JobState.CANCELLED, q.cancel(b).orElseThrow().state());
      assertEquals(1, q.position(c));
      release.countDown();
      waitFor(q, c, JobState.DONE);
      assertEquals(JobState.DONE, q.get(a).orElseThrow().state());
    }
  }

  @Test
  void cancelling_a_running_job_stops_it_at_the_next_iteration() throws Exception {
    try (JobQueue q = queue(1)) {
      q.start();
      JobId a = q.submit(JobId.random(), Map.of()).id();
      assertTrue(started.await(5, TimeUnit.SECONDS));
      q.cancel(a);
      Job done = waitFor(q, a, JobState.CANCELLED);
      assertEquals("cancelled", done.stopReason());
      assertEquals(false, q.delete(JobId.random()));
      assertTrue(q.delete(a));
      assertTrue(q.get(a).isEmpty());
      assertTrue(store.loadAll().isEmpty());
    }
  }

  @Test
  void a_failing_job_records_the_message_and_the_worker_goes_on() throws Exception {
    try (JobQueue q = queue(3)) {
      q.start();
      JobId a = q.submit(JobId.random(), Map.of("mode", "fail")).id();
      JobId b = q.submit(JobId.random(), Map.of()).id();
      release.countDown();
      assertEquals("bad input", waitFor(q, a, JobState.FAILED).error());
      waitFor(q, b, JobState.DONE);
    }
  }

  @Test
  void after_a_restart_a_running_job_is_failed_and_resumable_and_queued_jobs_still_wait()
      throws Exception {
    JobId a;
    JobId b;
    try (JobQueue q = queue(3)) {
      q.start();
      a = q.submit(JobId.random(), Map.of()).id();
      assertTrue(started.await(5, TimeUnit.SECONDS));
      b = q.submit(JobId.random(), Map.of()).id();
      Job running = q.get(a).orElseThrow();
      store.save(running); // as if the process died now: the store still says running
    }
    store.save(store.loadAll().get(0).started()); // a hard kill leaves "running" behind
    try (JobQueue q = queue(3)) {
      Job interrupted = q.get(a).orElseThrow();
      assertEquals(JobState.FAILED, interrupted.state());
      assertTrue(interrupted.resumable());
      assertEquals(JobQueue.INTERRUPTED, interrupted.error());
      assertEquals(1, q.position(b));
      q.resume(a);
      assertEquals(2, q.position(a));
    }
  }

  private static Job waitFor(JobQueue q, JobId id, JobState state) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      Job job = q.get(id).orElseThrow();
      if (job.state() == state) {
        return job;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("job " + id + " is " + q.get(id).orElseThrow() + ", not " + state);
  }
}

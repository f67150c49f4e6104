package dev.neuralstyle.jobs;

import dev.neuralstyle.NstException;
import dev.neuralstyle.progress.ProgressEvent;
import dev.neuralstyle.progress.StepCompleted;
import dev.neuralstyle.progress.StopReason;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs jobs one at a time on a single worker thread (PyTorch allows one gradient collection per
 * process, and on a small machine one run at a time is right anyway). At most {@code capacity} jobs
 * wait; a queued job knows its position; a running job's cancel flag is polled every iteration.
 *
 * <p>Every state change is saved to the {@link JobStore}. On construction the queue reloads the
 * store: queued jobs wait again, and a job that was running when the process stopped is marked
 * failed and resumable ({@link #resume}), never lost.
 */
public final class JobQueue implements AutoCloseable {
  /** The error of a job that was running when the server stopped. */
  public static final String INTERRUPTED =
      "interrupted: the server stopped while this job was running; resume it to run it again";

  private static final long SAVE_PERIOD_NANOS = 1_000_000_000L;

  private final JobStore store;
  private final JobRunner runner;
  private final int capacity;
  private final Clock clock;
  private final Map<JobId, Job> jobs = new LinkedHashMap<>();
  private final Deque<JobId> waiting = new ArrayDeque<>();
  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final Thread worker;
  private volatile boolean cancelRunning;
  private volatile boolean closed;
  private long lastSave;

  /**
   * A queue that has reloaded {@code store}; call {@link #start()} to begin working.
   *
   * @param capacity how many jobs may wait (not counting the running one), at least 1
   */
  public JobQueue(JobStore store, JobRunner runner, int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be >= 1, found " + capacity);
    }
    this.store = store;
    this.runner = runner;
    this.capacity = capacity;
    this.clock = clock;
    for (Job job : store.loadAll()) {
      if (job.state() == JobState.RUNNING) {
        job = job.finished(JobState.FAILED, null, INTERRUPTED, true);
        store.save(job);
      } else if (job.state() == JobState.QUEUED) {
        waiting.add(job.id());
      }
      jobs.put(job.id(), job);
    }
    this.worker = new Thread(this::work, "nst-job-worker");
    worker.setDaemon(true);
  }

  /** Starts the worker thread. */
  public void start() {
    worker.start();
  }

  /** Adds a listener for every job's events. */
  public void addListener(JobListener listener) {
    listeners.add(listener);
  }

  /** How many jobs may wait. */
  public int capacity() {
    return capacity;
  }

  /** Whether a job submitted now would be accepted. */
  public synchronized boolean hasRoom() {
    return !closed && waiting.size() < capacity;
  }

  /**
   * Queues a new job.
   *
   * @throws QueueFullException if {@code capacity} jobs are already waiting
   * @throws IllegalStateException if {@code id} is taken or the queue is closed
   */
  public Job submit(JobId id, Map<String, String> settings) {
    Job job;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the job queue is closed");
      }
      if (jobs.containsKey(id)) {
        throw new IllegalStateException("job " + id + " exists already");
      }
      if (waiting.size() >= capacity) {
        throw new QueueFullException(capacity);
      }
      job = Job.queued(id, settings, clock.instant());
      jobs.put(id, job);
      waiting.add(id);
      store.save(job);
      notifyAll();
    }
    tell(l -> l.onState(job));
    return job;
  }

  /** The job {@code id}, if known. */
  public synchronized Optional<Job> get(JobId id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Every job, oldest first. */
  public synchronized List<Job> list() {
    return List.copyOf(jobs.values());
  }

  /** The 1-based place of a queued job among the waiting ones, or 0 if it is not waiting. */
  public synchronized int position(JobId id) {
    int i = 1;
    for (JobId w : waiting) {
      if (w.equals(id)) {
        return i;
      }
      i++;
    }
    return 0;
  }

  /**
   * Cancels a job: a queued one at once, a running one at its next iteration (it then ends {@code
   * cancelled} and keeps the image reached). A finished job is left as it is.
   *
   * @return the job after the request, or empty if unknown
   */
  public Optional<Job> cancel(JobId id) {
    Job job;
    List<Job> moved;
    synchronized (this) {
      job = jobs.get(id);
      if (job == null) {
        return Optional.empty();
      }
      if (job.state() == JobState.RUNNING) {
        cancelRunning = true;
        return Optional.of(job);
      }
      if (job.state() != JobState.QUEUED) {
        return Optional.of(job);
      }
      waiting.remove(id);
      job = job.finished(JobState.CANCELLED, StopReason.CANCELLED, null, false);
      jobs.put(id, job);
      store.save(job);
      moved = waitingJobs();
    }
    notifyState(job, moved);
    return Optional.of(job);
  }

  /**
   * Queues a failed or cancelled job again with its settings (its inputs must still exist).
   *
   * @throws QueueFullException if the queue is full
   * @throws IllegalStateException if the job is not failed or cancelled
   */
  public Optional<Job> resume(JobId id) {
    Job job;
    synchronized (this) {
      job = jobs.get(id);
      if (job == null) {
        return Optional.empty();
      }
      if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
        throw new IllegalStateException("job " + id + " is " + job.state().apiName());
      }
      if (waiting.size() >= capacity) {
        throw new QueueFullException(capacity);
      }
      job = job.requeued();
      jobs.put(id, job);
      waiting.add(id);
      store.save(job);
      notifyAll();
    }
    Job queued = job;
    tell(l -> l.onState(queued));
    return Optional.of(job);
  }

  /**
   * Forgets a finished job (its record; the caller removes its files).
   *
   * @return false if the job is unknown
   * @throws IllegalStateException if the job is queued or running
   */
  public boolean delete(JobId id) {
    synchronized (this) {
      Job job = jobs.get(id);
      if (job == null) {
        return false;
      }
      if (!job.state().isFinished()) {
        throw new IllegalStateException("job " + id + " is " + job.state().apiName());
      }
      jobs.remove(id);
      store.delete(id);
    }
    tell(l -> l.onDeleted(id));
    return true;
  }

  /**
   * Stops the worker: a running job is stopped at its next iteration and marked failed and
   * resumable; queued jobs stay queued in the store.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      cancelRunning = true;
      notifyAll();
    }
    try {
      if (worker.isAlive()) {
        worker.join(60_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void work() {
    while (true) {
      Job job;
      List<Job> moved;
      synchronized (this) {
        while (waiting.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        JobId id = waiting.poll();
        job = jobs.get(id).started();
        jobs.put(id, job);
        cancelRunning = false;
        store.save(job);
        lastSave = System.nanoTime();
        moved = waitingJobs();
      }
      notifyState(job, moved);
      Job last = runOne(job);
      synchronized (this) {
        jobs.put(last.id(), last);
        store.save(last);
      }
      tell(l -> l.onState(last));
    }
  }

  private Job runOne(Job job) {
    JobId id = job.id();
    try {
      StopReason stop = runner.run(job, event -> progress(id, event), () -> cancelRunning);
      Job now = current(id);
      if (closed && stop == StopReason.CANCELLED) {
        return now.finished(JobState.FAILED, stop, INTERRUPTED, true);
      }
      JobState state = stop == StopReason.CANCELLED ? JobState.CANCELLED : JobState.DONE;
      return now.finished(state, stop, null, false);
    } catch (NstException e) {
      return current(id).finished(JobState.FAILED, null, e.getMessage(), false);
    } catch (Exception | Error e) {
      // Anything else is a bug or an exhausted resource; keep the worker alive and say so.
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return current(id).finished(JobState.FAILED, null, "internal error: " + message, false);
    }
  }

  private void progress(JobId id, ProgressEvent event) {
    Job job;
    synchronized (this) {
      job = jobs.get(id);
      if (event instanceof StepCompleted s) {
        job = job.withProgress(s.iteration(), s.iterations(), s.losses(), s.elapsedSeconds());
        jobs.put(id, job);
        if (System.nanoTime() - lastSave > SAVE_PERIOD_NANOS) {
          store.save(job);
          lastSave = System.nanoTime();
        }
      }
    }
    Job now = job;
    tell(l -> l.onProgress(now, event));
  }

  private synchronized Job current(JobId id) {
    return jobs.get(id);
  }

  private List<Job> waitingJobs() {
    List<Job> list = new ArrayList<>();
    for (JobId w : waiting) {
      list.add(jobs.get(w));
    }
    return list;
  }

  private void notifyState(Job job, List<Job> moved) {
    tell(l -> l.onState(job));
    for (Job m : moved) {
      tell(l -> l.onState(m));
    }
  }

  /** Calls every listener; one that throws is skipped, so it can never stop the worker. */
  private void tell(Consumer<JobListener> call) {
    for (JobListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        // a listener's own failure; the job goes on
      }
    }
  }
}

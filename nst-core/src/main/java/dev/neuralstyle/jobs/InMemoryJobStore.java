package dev.neuralstyle.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobStore} that keeps records in memory only: for tests and throw-away servers. */
public final class InMemoryJobStore implements JobStore {
  private final Map<JobId, Job> jobs = new ConcurrentHashMap<>();

  @Override
  public void save(Job job) {
    jobs.put(job.id(), job);
  }

  @Override
  public List<Job> loadAll() {
    List<Job> all = new ArrayList<>(jobs.values());
    all.sort(Comparator.comparing(Job::created));
    return all;
  }

  @Override
  public void delete(JobId id) {
    jobs.remove(id);
  }
}

package dev.neuralstyle.batch;

/**
 * Where a batch stands, after a job started or ended.
 *
 * @param done jobs ended (written, skipped or failed)
 * @param total jobs in this process's part of the batch
 * @param skipped jobs skipped because their output was already there
 * @param failed jobs that failed
 * @param elapsedSeconds since the batch started
 * @param etaSeconds estimated seconds to the end (jobs left x mean seconds of the jobs computed so
 *     far), or {@code NaN} before the first computed job
 */
public record BatchProgress(
    int done, int total, int skipped, int failed, double elapsedSeconds, double etaSeconds) {}

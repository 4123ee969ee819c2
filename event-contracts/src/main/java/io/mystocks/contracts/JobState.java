package io.mystocks.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a job: its status, progress and, once it succeeded, its result. Stored in Redis
 * under {@link #redisKey(String)} and, once terminal, on the compacted {@code strategy.results}
 * keyed by job id.
 *
 * @param progress 0 to 1
 * @param message  what is happening, or for FAILED why, in words a user can act on
 * @param result   the strategy's result document, or null until SUCCEEDED
 * @param attempts how many times a worker started the job
 */
public record JobState(String jobId, String strategyId, JobStatus status, double progress, String message,
                       Instant submittedAt, Instant startedAt, Instant finishedAt, Object result, int attempts,
                       String worker) {
    public JobState {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
    }

    public static JobState queued(JobRequest request) {
        return new JobState(request.jobId(), request.strategyId(), JobStatus.QUEUED, 0, "queued",
                request.submittedAt(), null, null, null, 0, null);
    }

    public JobState running(Instant at, String workerId) {
        return new JobState(jobId, strategyId, JobStatus.RUNNING, 0, "running", submittedAt, at, null, null,
                attempts + 1, workerId);
    }

    public JobState progressed(double fraction, String what) {
        return new JobState(jobId, strategyId, status, fraction, what, submittedAt, startedAt, finishedAt, result,
                attempts, worker);
    }

    public JobState succeeded(Instant at, Object output) {
        return new JobState(jobId, strategyId, JobStatus.SUCCEEDED, 1, "succeeded", submittedAt, startedAt, at,
                output, attempts, worker);
    }

    public JobState failed(Instant at, String reason) {
        return new JobState(jobId, strategyId, JobStatus.FAILED, progress, reason, submittedAt, startedAt, at, null,
                attempts, worker);
    }

    /**
     * Stopped at a client's request before it finished; the progress stays where the job got to.
     *
     * @param why who asked and when, as {@link JobCancel#describe()} puts it
     */
    public JobState cancelled(Instant at, String why) {
        return new JobState(jobId, strategyId, JobStatus.CANCELLED, progress, why, submittedAt, startedAt, at, null,
                attempts, worker);
    }

    /** Redis key of a job's state. */
    public static String redisKey(String jobId) {
        return "mystocks:job:" + jobId;
    }

    /** Redis key holding the id of a strategy's most recently submitted job. */
    public static String latestJobKey(String strategyId) {
        return "mystocks:strategy-latest:" + strategyId;
    }
}

package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the API reads job states from: the fast serving copy of every job's status, progress and
 * result. It may be lost and rebuilt from {@code strategy.results}; a failing call throws an unchecked
 * exception, and the job is then retried from its record.
 *
 * <p>A terminal state is final: no write replaces it, whoever made it (a worker, or the API
 * cancelling a job that had not started), so two writers racing over a job cannot undo each other.
 */
public interface JobStore {

    /** The stored state of a job, or empty when there is none (or it cannot be read). */
    Optional<JobState> read(String jobId);

    /**
     * Stores a job's state, to expire after {@code retention}, unless the stored state is terminal.
     *
     * @return false when a terminal state was already stored and was kept
     */
    boolean write(JobState state, Duration retention);

    /** The client's request to cancel the job, or empty when there is none. */
    Optional<JobCancel> cancelRequest(String jobId);

    /** Removes a cancel request once the job's CANCELLED state is on {@code strategy.results}. */
    void clearCancelRequest(String jobId);
}

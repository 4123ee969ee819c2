package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobState;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the API reads job states from: the fast serving copy of every job's status, progress and
 * result. It may be lost and rebuilt from {@code strategy.results}; a failing call throws an unchecked
 * exception, and the job is then retried from its record.
 */
public interface JobStore {

    /** The stored state of a job, or empty when there is none (or it cannot be read). */
    Optional<JobState> read(String jobId);

    /** Stores a job's state, replacing the previous one, to expire after {@code retention}. */
    void write(JobState state, Duration retention);
}

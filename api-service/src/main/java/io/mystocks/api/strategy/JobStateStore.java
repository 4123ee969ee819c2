package io.mystocks.api.strategy;

import io.mystocks.contracts.JobState;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Where job states are kept for reading: Redis, written by the API (QUEUED) and by the workers
 * (every later state). Failures to reach the store surface as
 * {@link io.mystocks.api.web.DependencyUnavailableException}.
 */
public interface JobStateStore {

    /**
     * Stores a new job's QUEUED state unless a worker already stored a later one, and makes the job
     * its strategy's latest; both expire after {@code retention}.
     */
    Mono<Void> saveQueued(JobState queued, Duration retention);

    /** The job's state, or empty if the job is unknown or expired. */
    Mono<JobState> find(String jobId);

    /** The id of the strategy's most recently submitted job, or empty. */
    Mono<String> latestJobId(String strategyId);
}

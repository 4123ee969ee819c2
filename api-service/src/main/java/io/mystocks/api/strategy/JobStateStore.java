package io.mystocks.api.strategy;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Where job states are kept for reading: Redis, written by the API (QUEUED, and CANCELLED for a job no
 * worker has started) and by the workers (every later state). A terminal state is never replaced.
 * Failures to reach the store surface as {@link io.mystocks.api.web.DependencyUnavailableException}.
 */
public interface JobStateStore {

    /**
     * Stores a new job's QUEUED state unless a worker already stored a later one, and makes the job
     * its strategy's latest; both expire after {@code retention}.
     */
    Mono<Void> saveQueued(JobState queued, Duration retention);

    /**
     * Says that a job was queued whose QUEUED state could not be stored, so that the job states count as
     * incomplete until the results are rebuilt from {@code strategy.results}: looking the job up answers 503
     * meanwhile, not 404. Only deletes, which Redis allows even while it refuses writes for lack of memory.
     */
    Mono<Void> markIncomplete();

    /** The job's state, or empty if the job is unknown or expired. */
    Mono<JobState> find(String jobId);

    /**
     * The job's state as stored, for answering with it; empty if the job is unknown or expired. A store
     * that keeps no JSON writes it from {@link #find}.
     */
    default Mono<StoredJob> findStored(String jobId) {
        return find(jobId).map(state -> new StoredJob(state, Json.mapper().writeValueAsString(state)));
    }

    /** The id of the strategy's most recently submitted job, or empty. */
    Mono<String> latestJobId(String strategyId);

    /**
     * Stores a cancel request for the workers unless the job has one already.
     *
     * @return the request that stands: the first one made
     */
    Mono<JobCancel> requestCancel(JobCancel cancel, Duration retention);

    /**
     * Replaces the job's state by {@code next}, atomically, only while its stored status is
     * {@code expected}.
     *
     * @return false when the status had changed (or the state is gone) and nothing was written
     */
    Mono<Boolean> replaceIf(JobStatus expected, JobState next, Duration retention);
}

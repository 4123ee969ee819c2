package io.mystocks.api.strategy;

import io.mystocks.contracts.JobState;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The Redis side of rebuilding job results from {@code strategy.results} (and idempotency keys from
 * {@code strategy.jobs}): a marker written once the job states and keys are complete (it disappears
 * with everything else when Redis is emptied or restarts without persistence), a lock so that one
 * replica rebuilds at a time, and writes that never replace what a worker or the API stored meanwhile.
 * Failures surface as {@link io.mystocks.api.web.DependencyUnavailableException}.
 */
public interface ResultsStore {

    /** Whether the marker of complete job states is there. */
    Mono<Boolean> isComplete();

    /** Takes the rebuild lock for {@code owner}, or answers false when another replica holds it. */
    Mono<Boolean> lock(String owner, Duration ttl);

    /** Extends the lock while {@code owner} still holds it; false when it was lost. */
    Mono<Boolean> extendLock(String owner, Duration ttl);

    /** Frees the lock if {@code owner} holds it. */
    Mono<Void> unlock(String owner);

    /**
     * Restores a terminal state (or the QUEUED state of a job still waiting), to expire after {@code ttl}:
     * only where the job has no state, or (with {@code replace}) over one that this rebuild restored from an
     * earlier record.
     *
     * @return whether it was written
     */
    Mono<Boolean> restore(JobState terminal, Duration ttl, boolean replace);

    /**
     * Restores what an {@code Idempotency-Key} stood for, to expire after {@code ttl}, unless the key stands
     * for a submission already.
     *
     * @return whether it was written
     */
    Mono<Boolean> restoreKey(String key, IdempotentSubmission accepted, Duration ttl);

    /** Makes {@code jobId} the strategy's latest job unless a newer submission already is. */
    Mono<Void> restoreLatest(String strategyId, String jobId, Duration ttl);

    /**
     * Writes the marker of complete job states and frees {@code owner}'s lock, unless the lock was taken from
     * it meanwhile (an unreadable job state was set aside during the pass).
     *
     * @return false when nothing was written because {@code owner} no longer held the lock
     */
    Mono<Boolean> markComplete(String owner, String description);
}

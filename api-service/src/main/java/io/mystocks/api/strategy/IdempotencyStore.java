package io.mystocks.api.strategy;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Idempotency keys and the submissions they stand for, shared by every replica (Redis). Failures to
 * reach the store surface as {@link io.mystocks.api.web.DependencyUnavailableException}.
 */
public interface IdempotencyStore {

    /** The submission the key stands for, or empty. */
    Mono<IdempotentSubmission> holder(String key);

    /**
     * Makes the key stand for {@code pending} unless it already stands for a submission (atomically,
     * so that concurrent retries agree), and only while the job data in Redis is complete: after Redis lost
     * its data the key may have stood for a job whose record the rebuild has not restored yet.
     *
     * @return the submission that holds the key, or empty when {@code pending} now does; fails with
     *         {@link ResultsIncompleteException} while the rebuild marker is missing
     */
    Mono<IdempotentSubmission> claim(String key, IdempotentSubmission pending, Duration ttl);

    /** Marks the claimed submission accepted, to be kept for {@code ttl}. */
    Mono<Void> confirm(String key, IdempotentSubmission accepted, Duration ttl);

    /** Frees the key if it still stands for {@code pending}, after its job could not be queued. */
    Mono<Void> release(String key, IdempotentSubmission pending);
}

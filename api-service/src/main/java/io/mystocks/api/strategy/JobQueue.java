package io.mystocks.api.strategy;

import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import reactor.core.publisher.Mono;

/** Where jobs wait for a worker, and where the end of a job no worker took is recorded for good. */
interface JobQueue {

    /**
     * Completes once the queue has durably accepted the job; fails with
     * {@link io.mystocks.api.web.DependencyUnavailableException} when it cannot.
     */
    Mono<Void> submit(JobRequest request);

    /**
     * Records the CANCELLED state of a job no worker has started where the terminal states are kept
     * ({@code strategy.results}), so that the job stays cancelled when the results are rebuilt from there.
     * Completes once that is durable; fails with {@link io.mystocks.api.web.DependencyUnavailableException}
     * when it cannot.
     *
     * @param requestId the request that cancelled it
     */
    Mono<Void> withdraw(JobState cancelled, String requestId);
}

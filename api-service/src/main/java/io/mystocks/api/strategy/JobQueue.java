package io.mystocks.api.strategy;

import io.mystocks.contracts.JobRequest;
import reactor.core.publisher.Mono;

/** Where jobs wait for a worker. */
interface JobQueue {

    /**
     * Completes once the queue has durably accepted the job; fails with
     * {@link io.mystocks.api.web.DependencyUnavailableException} when it cannot.
     */
    Mono<Void> submit(JobRequest request);
}

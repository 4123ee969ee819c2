package io.mystocks.api.strategy;

import reactor.core.publisher.Mono;

/** Whether the job states in Redis are complete, or are being rebuilt from {@code strategy.results}. */
interface ResultsRebuild {

    /**
     * True when a job that Redis does not have is unknown; false while the results are being (or are
     * about to be) rebuilt, when the job may yet come back.
     */
    Mono<Boolean> isComplete();
}

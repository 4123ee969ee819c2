package io.mystocks.worker.jobs;

import io.mystocks.contracts.DeadLetter;

/**
 * Where a job's terminal state and failed requests are published. Each call returns once the write is
 * acknowledged, and throws {@link PublishFailedException} when it is not.
 */
interface JobOutputs {

    /** Publishes a terminal state to {@code strategy.results}, keyed by job id, as the JSON it carries. */
    void publishResult(EncodedState terminal, String requestId) throws InterruptedException;

    /** Publishes a job request that failed for good to {@code strategy.jobs.dlq}. */
    void deadLetter(String key, DeadLetter letter, String requestId) throws InterruptedException;
}

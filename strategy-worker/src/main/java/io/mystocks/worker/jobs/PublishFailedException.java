package io.mystocks.worker.jobs;

import java.io.Serial;

/**
 * A write to Kafka was not acknowledged. The job record is not committed, so it is processed again
 * once Kafka answers; the results are keyed by job id, so the retry stores them once.
 */
final class PublishFailedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

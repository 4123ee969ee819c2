package io.mystocks.indicators.topology;

import io.mystocks.contracts.DeadLetter;

/**
 * Writes a dead letter outside the stream's transaction. Used for input that never reached the
 * topology (bytes that are not a quote), where no transaction can carry it.
 */
public interface DeadLetterPublisher {
    /**
     * Writes the letter and returns once the broker has it.
     *
     * @throws DeadLetterException when it could not be written, so the caller must not skip the record
     */
    void publish(String key, DeadLetter letter);

    /** A dead letter could not be written; the record it describes must not be skipped. */
    final class DeadLetterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

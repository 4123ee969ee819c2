package io.mystocks.api.strategy;

import java.io.Serial;

/**
 * Redis lacks the marker of complete job data: it lost its data (or set an unreadable value aside) and the
 * rebuild from Kafka has not finished, so a value it does not have may yet come back. Like
 * {@link UnreadableValueException} it is an answer to give, not a fault, and carries no stack trace.
 */
public final class ResultsIncompleteException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what could not be decided, in words a client may be shown */
    public ResultsIncompleteException(String message) {
        super(message, null, false, false);
    }
}

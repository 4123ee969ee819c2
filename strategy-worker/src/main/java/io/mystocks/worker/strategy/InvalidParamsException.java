package io.mystocks.worker.strategy;

import java.io.Serial;

/**
 * A job's parameters are not acceptable. The message names the parameter, the bad value and what is
 * accepted, and is shown to the user as the reason the job failed; the job is not retried.
 */
public final class InvalidParamsException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidParamsException(String message) {
        super(message);
    }
}

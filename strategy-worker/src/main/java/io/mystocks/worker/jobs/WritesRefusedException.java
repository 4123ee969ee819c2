package io.mystocks.worker.jobs;

import java.io.Serial;

/**
 * The job store answers but refuses writes: Redis at its {@code maxmemory} with the {@code noeviction}
 * policy, a read-only replica, or a server that cannot persist. Unlike a store that cannot be reached, it
 * may stay this way until an operator acts, so a job does not wait for it: its terminal state is on
 * {@code strategy.results}, which the API rebuilds the store from.
 */
public final class WritesRefusedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public WritesRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}

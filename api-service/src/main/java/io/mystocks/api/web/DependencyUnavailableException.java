package io.mystocks.api.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Kafka, Redis or another dependency could not serve a request now. Answered with 503 and a
 * {@code Retry-After}; nothing the request asked for was done.
 */
public final class DependencyUnavailableException extends RuntimeException {
    private final String dependency;
    private final Duration retryAfter;

    /**
     * @param dependency what failed, such as {@code kafka}
     * @param message    what could not be done, in words a client can act on
     */
    public DependencyUnavailableException(String dependency, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.dependency = Objects.requireNonNull(dependency, "dependency");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

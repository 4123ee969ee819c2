package io.mystocks.api.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request the API answers with an error status and a message that says what was wrong and how to
 * fix it. It carries no stack trace: it is an answer, not a fault, and some are on hot paths.
 */
public final class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final List<FieldViolation> violations;
    private final Duration retryAfter;

    private ApiException(HttpStatus status, String message, List<FieldViolation> violations, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** A 400 whose message joins the violations' messages. */
    public static ApiException invalid(List<FieldViolation> violations) {
        String message = violations.stream().map(FieldViolation::message).collect(Collectors.joining("; "));
        return new ApiException(HttpStatus.BAD_REQUEST, message, violations, null);
    }

    public static ApiException invalid(FieldViolation violation) {
        return invalid(List.of(violation));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(), null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, List.of(), null);
    }

    public static ApiException forbidden(FieldViolation violation) {
        return new ApiException(HttpStatus.FORBIDDEN, violation.message(), List.of(violation), null);
    }

    /**
     * A 409: the request clashes with the current state of what it names.
     *
     * @param retryAfter when the clash may be over, or null when retrying will not help
     */
    public static ApiException conflict(FieldViolation violation, Duration retryAfter) {
        return new ApiException(HttpStatus.CONFLICT, violation.message(), List.of(violation), retryAfter);
    }

    /** A 422: the request is well formed but cannot be carried out as sent. */
    public static ApiException unprocessable(FieldViolation violation) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, violation.message(), List.of(violation), null);
    }

    public static ApiException contentTooLarge(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message, List.of(), null);
    }

    /** A 429 telling the client when to try again. */
    public static ApiException tooManyRequests(FieldViolation violation, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, violation.message(), List.of(violation), retryAfter);
    }

    /** A 503 telling the client when to try again. */
    public static ApiException unavailable(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message, List.of(), retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** When the client may retry, or null when retrying will not help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

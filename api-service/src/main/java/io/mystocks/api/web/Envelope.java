package io.mystocks.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every JSON response, success or error.
 *
 * @param code      0 on success, otherwise the HTTP status
 * @param requestId the request's id, also sent as the {@code X-Request-ID} header
 * @param timestamp when the response was made, ISO-8601 UTC with milliseconds
 * @param errors    what was wrong with each field of a rejected request; absent otherwise
 */
public record Envelope<T>(boolean success, int code, String message, T data, String requestId, String timestamp,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldViolation> errors) {
}

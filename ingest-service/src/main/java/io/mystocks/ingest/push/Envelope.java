package io.mystocks.ingest.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The response shape every JSON answer of the system has, success or error. {@code code} is 0 on success and
 * the HTTP status otherwise; {@code errors} appears only on errors, {@code data} only where there is some.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Envelope(boolean success, int code, String message, Object data, List<FieldError> errors,
                String requestId, Instant timestamp) {
    static final String OK_MESSAGE = "操作成功";

    static Envelope success(String message, Object data, String requestId, Instant timestamp) {
        return new Envelope(true, 0, message, data, null, requestId, timestamp);
    }

    static Envelope error(int status, String message, Object data, List<FieldError> errors, String requestId,
                          Instant timestamp) {
        return new Envelope(false, status, message, data, errors, requestId, timestamp);
    }

    /** What was wrong with one part of the request, and a code a client can switch on. */
    record FieldError(String field, String code, String message) {
    }
}

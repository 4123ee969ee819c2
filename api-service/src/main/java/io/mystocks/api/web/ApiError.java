package io.mystocks.api.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/** An error response before it is written: status, message, field violations and extra headers. */
record ApiError(HttpStatusCode status, String message, List<FieldViolation> violations, HttpHeaders headers) {

    static ApiError of(HttpStatusCode status, String message) {
        return new ApiError(status, message, List.of(), HttpHeaders.EMPTY);
    }

    static ApiError of(HttpStatusCode status, String message, List<FieldViolation> violations) {
        return new ApiError(status, message, violations, HttpHeaders.EMPTY);
    }
}

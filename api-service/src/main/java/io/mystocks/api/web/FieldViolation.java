package io.mystocks.api.web;

/**
 * One thing wrong with a request.
 *
 * @param field   the parameter, header or body field, such as {@code params.top_n}
 * @param code    a stable machine-readable reason, such as {@code OUT_OF_RANGE}
 * @param message what was wrong and how to fix it
 */
public record FieldViolation(String field, String code, String message) {
}

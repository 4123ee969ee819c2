package io.mystocks.api.web;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes data for {@link Reply} with the service's JSON mapper (snake_case, exact decimals), the same
 * mapper Spring writes every other answer with, so that a pre-encoded answer reads exactly like one that
 * was not.
 */
public final class Replies {
    private final JsonMapper mapper;

    Replies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A 200 with this data. */
    public <T> Reply<T> ok(T data) {
        return Reply.ofJson(encode(data));
    }

    /** An error status that still carries data, such as a degraded health report. */
    public <T> Reply<T> failure(HttpStatus status, String message, T data) {
        if (status.is2xxSuccessful()) {
            throw new IllegalArgumentException("a failure needs an error status, not " + status);
        }
        return Reply.failure(status, message, encode(data));
    }

    /** The value's JSON, as {@link #ok} would write it: for caches that keep answers encoded. */
    public byte[] encode(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** A JSON string literal of the text, quotes and escapes included. */
    byte[] quote(String text) {
        return mapper.writeValueAsBytes(text);
    }
}

package io.mystocks.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;

/**
 * An answer whose data is JSON already: the envelope around it is written as bytes for each request, so that
 * data read many times is encoded once. Controllers of the hot reads return it, and both the fast lane and
 * Spring's dispatcher write it the same way.
 *
 * @param <T> what the data encodes; it only names the shape in the OpenAPI document
 */
public final class Reply<T> {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final HttpStatus status;
    private final String message;
    private final byte[] data;
    private final List<String> headers;

    private Reply(HttpStatus status, String message, byte[] data, List<String> headers) {
        this.status = Objects.requireNonNull(status, "status");
        this.message = message;
        this.data = data == null ? NULL : data;
        this.headers = headers;
    }

    /** A 200 whose data is this JSON, encoded by {@link Replies} or taken from a cache of such bytes. */
    public static <T> Reply<T> ofJson(byte[] json) {
        return new Reply<>(HttpStatus.OK, null, Objects.requireNonNull(json, "json"), List.of());
    }

    static <T> Reply<T> failure(HttpStatus status, String message, byte[] json) {
        return new Reply<>(status, Objects.requireNonNull(message, "message"), json, List.of());
    }

    /** The same answer with one more response header. */
    public Reply<T> withHeader(String name, String value) {
        List<String> more = new ArrayList<>(headers.size() + 2);
        more.addAll(headers);
        more.add(name);
        more.add(value);
        return new Reply<>(status, message, data, List.copyOf(more));
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether the envelope says {@code success: true}: every 2xx. */
    public boolean success() {
        return status.is2xxSuccessful();
    }

    /** The envelope's message: the success message unless this is a failure with data. */
    String message() {
        return message == null ? Envelopes.OK_MESSAGE : message;
    }

    /** The data's JSON; {@code null} as JSON when there is none. Not copied: do not change it. */
    byte[] data() {
        return data;
    }

    /** Hands every extra header to {@code header}, in the order they were added. */
    public void forEachHeader(BiConsumer<String, String> header) {
        for (int i = 0; i < headers.size(); i += 2) {
            header.accept(headers.get(i), headers.get(i + 1));
        }
    }
}

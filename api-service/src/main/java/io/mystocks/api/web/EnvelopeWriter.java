package io.mystocks.api.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes envelopes as bytes: a {@link Reply}'s data goes in as it was encoded, between an opening and the
 * request id and timestamp, which are the only parts that change from one request to the next. The bytes are
 * those Jackson writes for an {@link Envelope}, field for field. Errors, which are rare, go through Jackson.
 */
public final class EnvelopeWriter {
    private static final Logger log = LoggerFactory.getLogger(EnvelopeWriter.class);
    private static final byte[] OK_OPENING = ("{\"success\":true,\"code\":0,\"message\":\"" + Envelopes.OK_MESSAGE
            + "\",\"data\":").getBytes(StandardCharsets.UTF_8);
    private static final byte[] REQUEST_ID = ascii(",\"request_id\":\"");
    private static final byte[] TIMESTAMP = ascii("\",\"timestamp\":\"");
    private static final byte[] CLOSING = ascii("\"}");
    private static final byte[] FALLBACK_BODY = ascii("{\"success\":false,\"code\":500,\"message\":\""
            + ErrorTranslator.INTERNAL_ERROR + "\",\"data\":null}");

    private final Replies replies;
    private final Envelopes envelopes;
    private final ErrorTranslator translator;
    private final JsonMapper mapper;
    private final Clock clock;
    /** The last timestamp written: requests in the same millisecond share its text. */
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, new byte[0]);

    EnvelopeWriter(Replies replies, Envelopes envelopes, ErrorTranslator translator, JsonMapper mapper,
                   Clock clock) {
        this.replies = replies;
        this.envelopes = envelopes;
        this.translator = translator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The whole envelope of a reply.
     *
     * @param requestId an id {@link RequestIds} made or accepted: it needs no escaping
     */
    public byte[] envelope(Reply<?> reply, String requestId) {
        return parts(reply, requestId).joined();
    }

    /**
     * The envelope of a reply in three parts, for a writer that sends them without joining them: the data is
     * the reply's own bytes, which may be large and are shared by every request that reads them.
     *
     * @param requestId an id {@link RequestIds} made or accepted: it needs no escaping
     */
    public Parts parts(Reply<?> reply, String requestId) {
        byte[] opening = reply.success() ? OK_OPENING : failureOpening(reply);
        byte[] time = timestamp();
        byte[] tail = new byte[REQUEST_ID.length + requestId.length() + TIMESTAMP.length + time.length
                + CLOSING.length];
        int at = put(tail, 0, REQUEST_ID);
        for (int i = 0; i < requestId.length(); i++) {
            tail[at++] = (byte) requestId.charAt(i);
        }
        at = put(tail, at, TIMESTAMP);
        at = put(tail, at, time);
        put(tail, at, CLOSING);
        return new Parts(opening, reply.data(), tail);
    }

    /**
     * The answer to a request that failed, logged as the error handler logs it: faults at ERROR, unreachable
     * dependencies at WARN, client errors at DEBUG.
     */
    public Failure failure(Throwable error, String requestId, String method, String path) {
        ApiError apiError = translator.translate(error);
        ErrorLog.log(method, path, error, apiError, requestId);
        List<String> headers = new ArrayList<>(2);
        apiError.headers().forEach((name, values) -> values.forEach(value -> {
            headers.add(name);
            headers.add(value);
        }));
        return new Failure(apiError.status().value(), List.copyOf(headers), errorBody(apiError, requestId));
    }

    byte[] errorBody(ApiError apiError, String requestId) {
        try {
            return mapper.writeValueAsBytes(envelopes.error(requestId, apiError.status(), apiError.message(),
                    apiError.violations()));
        } catch (JacksonException e) {
            log.error("Cannot write the error envelope for {}", apiError, e);
            return FALLBACK_BODY.clone();
        }
    }

    private byte[] failureOpening(Reply<?> reply) {
        byte[] message = replies.quote(reply.message());
        byte[] head = ascii("{\"success\":false,\"code\":" + reply.status().value() + ",\"message\":");
        byte[] tail = ascii(",\"data\":");
        byte[] out = new byte[head.length + message.length + tail.length];
        put(out, put(out, put(out, 0, head), message), tail);
        return out;
    }

    private byte[] timestamp() {
        long millis = clock.millis();
        Stamp last = stamp;
        if (last.millis() == millis) {
            return last.text();
        }
        byte[] text = ascii(Envelopes.timestamp(Instant.ofEpochMilli(millis)));
        stamp = new Stamp(millis, text);
        return text;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An envelope as the bytes before the data, the data, and the bytes after it. None may be changed.
     */
    public record Parts(byte[] opening, byte[] data, byte[] tail) {
        public int length() {
            return opening.length + data.length + tail.length;
        }

        byte[] joined() {
            byte[] out = new byte[length()];
            put(out, put(out, put(out, 0, opening), data), tail);
            return out;
        }
    }

    /**
     * An error answer ready to send.
     *
     * @param headers header names and values, alternating
     */
    public record Failure(int status, List<String> headers, byte[] body) {
    }

    private record Stamp(long millis, byte[] text) {
    }
}

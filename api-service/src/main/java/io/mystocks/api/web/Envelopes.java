package io.mystocks.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/** Makes response envelopes stamped with the request id and the injected clock's time. */
public final class Envelopes {
    /** The message of every successful response. */
    public static final String OK_MESSAGE = "操作成功";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    Envelopes(Clock clock) {
        this.clock = clock;
    }

    public <T> Envelope<T> ok(ServerWebExchange exchange, T data) {
        return new Envelope<>(true, 0, OK_MESSAGE, data, RequestIds.of(exchange), now(), null);
    }

    /** An error envelope that still carries data, such as a degraded health report. */
    public <T> Envelope<T> failure(ServerWebExchange exchange, HttpStatusCode status, String message, T data) {
        return new Envelope<>(false, status.value(), message, data, RequestIds.of(exchange), now(), null);
    }

    Envelope<Void> error(ServerWebExchange exchange, HttpStatusCode status, String message,
                         List<FieldViolation> errors) {
        return error(RequestIds.of(exchange), status, message, errors);
    }

    Envelope<Void> error(String requestId, HttpStatusCode status, String message, List<FieldViolation> errors) {
        return new Envelope<>(false, status.value(), message, null, requestId, now(), errors);
    }

    /** An envelope's timestamp: ISO-8601 UTC with milliseconds. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private String now() {
        return timestamp(clock.instant());
    }
}
